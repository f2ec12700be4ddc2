import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * One API endpoint described once: the server hands these schemas to Fastify (validation and
 * OpenAPI), the miniapp client builds URLs from `path` and parses replies with `responses`.
 */
export interface Endpoint {
  method: HttpMethod;
  /** Fastify-style path, `:name` for params. */
  path: `/api/v1${string}`;
  summary: string;
  tags: readonly string[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** `multipart`: the body is a form upload (ID photo), described in `summary`, not by `body`. */
  bodyType?: 'json' | 'multipart';
  /**
   * `required`: `Authorization: Bearer <token>`, else 401. `optional`: a token widens what is returned
   * (the messages inbox falls back to the device's own simulated SMS).
   */
  auth?: 'required' | 'optional';
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
