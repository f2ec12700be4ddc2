import type { Endpoint } from '@cbc/shared';
import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { $ZodType, safeParse } from 'zod/v4/core';

/**
 * A part of a reply schema whose parse and encode differ: a transform runs one way only, a codec
 * converts each way differently. Found by walking the schema's definitions (`_zod.def`), which name
 * their child schemas; `seen` stops at recursive schemas.
 */
function directionalPart(schema: $ZodType, seen = new Set<$ZodType>()): string | undefined {
  if (seen.has(schema)) return undefined;
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  if (def.type === 'transform') return 'a transform';
  if (def.type === 'pipe' && 'reverseTransform' in def) return 'a codec';
  // A lazy schema names its inner schema through a function.
  const children: unknown[] = def.type === 'lazy' ? [(def.getter as () => unknown)()] : [];
  for (const value of Object.values(def)) {
    if (value instanceof $ZodType) children.push(value);
    else if (Array.isArray(value)) children.push(...value);
    else if (value && typeof value === 'object') children.push(...Object.values(value));
  }
  for (const child of children) {
    if (!(child instanceof $ZodType)) continue;
    const found = directionalPart(child, seen);
    if (found) return found;
  }
  return undefined;
}

/** Fastify may hand the schema over wrapped (`{ properties: schema }`), as fastify-type-provider-zod notes. */
function zodSchemaOf(schema: unknown): $ZodType {
  if (schema instanceof $ZodType) return schema;
  const wrapped = (schema as { properties?: unknown } | null)?.properties;
  if (wrapped instanceof $ZodType) return wrapped;
  throw new Error(`reply schema is not a zod schema: ${JSON.stringify(schema)}`);
}

/**
 * fastify-type-provider-zod's serializer with one change: replies are checked with zod's `parse`, not
 * its `encode`. The two agree for schemas without transforms or codecs, which is every contract here
 * (a schema with one is refused when its route is registered), and only `parse` takes zod's compiled
 * fast path: `encode` walked each reply field by field, 2 µs for `GET /me`'s user against 0.1 µs,
 * and about a fifth of its CPU per request under load. Everything else is as before: unknown
 * keys are dropped, and a reply that breaks its schema is a 500 (FST_ERR_RESPONSE_SERIALIZATION).
 */
export const contractSerializerCompiler: FastifySerializerCompiler<unknown> = ({ schema, method, url, httpStatus }) => {
  const zodSchema = zodSchemaOf(schema);
  const directional = directionalPart(zodSchema);
  if (directional) {
    throw new Error(
      `${method} ${url} (${httpStatus}): the reply schema has ${directional}; replies are parsed, not encoded`,
    );
  }
  return (data) => checkedReplyJson(zodSchema, data, method, url);
};

/**
 * A reply's JSON text as a route's serializer makes it: checked against the contract's schema, unknown keys
 * dropped.
 */
function checkedReplyJson(schema: $ZodType, data: unknown, method: string, url: string): string {
  const result = safeParse(schema, data);
  if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
  return JSON.stringify(result.data);
}

/**
 * The JSON text of an endpoint's 200 reply, checked as its route's serializer would check it: for replies made
 * once and sent many times (`sendStoredJson`: `GET /me`, the card list's kept replies).
 */
export function okReplyJson(endpoint: Pick<Endpoint, 'method' | 'path' | 'responses'>, data: unknown): string {
  const schema = endpoint.responses[200];
  if (!schema) throw new Error(`${endpoint.method} ${endpoint.path} has no 200 reply in its contract`);
  return checkedReplyJson(schema, data, endpoint.method, endpoint.path);
}
