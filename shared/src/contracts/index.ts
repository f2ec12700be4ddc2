import { guideEndpoints } from './guides';
import { healthEndpoints } from './health';

export * from './endpoint';
export * from './errors';
export * from './guides';
export * from './health';

/** Every endpoint of the API, by operation name. */
export const api = { ...healthEndpoints, ...guideEndpoints };
export type Api = typeof api;
