import { authEndpoints } from './auth';
import { cardEndpoints } from './cards';
import { guideEndpoints } from './guides';
import { healthEndpoints } from './health';
import { topupEndpoints } from './topup';

export * from './auth';
export * from './cards';
export * from './endpoint';
export * from './errors';
export * from './guides';
export * from './health';
export * from './topup';

/** Every endpoint of the API, by operation name. */
export const api = { ...healthEndpoints, ...guideEndpoints, ...authEndpoints, ...cardEndpoints, ...topupEndpoints };
export type Api = typeof api;
