import { authEndpoints } from './auth';
import { cardEndpoints } from './cards';
import { guideEndpoints } from './guides';
import { healthEndpoints } from './health';
import { messageEndpoints } from './messages';
import { historyEndpoints } from './history';
import { topupEndpoints } from './topup';
import { tripEndpoints } from './trips';

export * from './auth';
export * from './cards';
export * from './endpoint';
export * from './errors';
export * from './guides';
export * from './health';
export * from './messages';
export * from './routes';
export * from './session';
export * from './topup';
export * from './history';
export * from './trips';

/** Every endpoint of the API, by operation name. */
export const api = {
  ...healthEndpoints,
  ...guideEndpoints,
  ...authEndpoints,
  ...messageEndpoints,
  ...cardEndpoints,
  ...topupEndpoints,
  ...historyEndpoints,
  ...tripEndpoints,
};
export type Api = typeof api;
