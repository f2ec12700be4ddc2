import { authEndpoints } from './auth';
import { cardEndpoints } from './cards';
import { guideEndpoints } from './guides';
import { healthEndpoints } from './health';

export * from './auth';
export * from './cards';
export * from './endpoint';
export * from './errors';
export * from './guides';
export * from './health';

/** Every endpoint of the API, by operation name. */
export const api = { ...healthEndpoints, ...guideEndpoints, ...authEndpoints, ...cardEndpoints };
export type Api = typeof api;
