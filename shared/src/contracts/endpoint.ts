import type { z } from 'zod';
import type { Route } from './routes';

/**
 * One API endpoint described once: the server hands these schemas to Fastify (validation and
 * OpenAPI), the miniapp client builds URLs from its route (`routes.ts`) and parses replies with `responses`.
 */
export interface Endpoint extends Route {
  summary: string;
  tags: readonly string[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** `multipart`: the body is a form upload (ID photo), described in `summary`, not by `body`. */
  bodyType?: 'json' | 'multipart';
  responses: Record<number, z.ZodType>;
}

export function defineEndpoints<const T extends Record<string, Endpoint>>(endpoints: T): T {
  return endpoints;
}

/** Fills `:name` placeholders; values are URI-encoded. */
export function buildPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter "${name}"`);
    return encodeURIComponent(String(value));
  });
}
