import { randomUUID } from 'node:crypto';
import type { Endpoint } from '@cbc/shared';
import type { z } from 'zod';

/**
 * Hostile requests generated from a route's shared zod schemas: the schema is walked field by field
 * and each field gets wrong types, a missing or extra key, huge strings, NUL bytes, lone surrogates,
 * raw invalid UTF-8, SQL and script fragments; path and query parameters get the same treatment as
 * URL text; the body as a whole gets broken JSON, deep nesting, wrong content types and oversize.
 * Every other part of the request stays valid (a real id, a body that passes), so the one hostile part
 * is what the server has to deal with.
 */

export interface RouteUnderTest {
  /** The operation name in the shared `api` object (or a name for a route outside it). */
  name: string;
  endpoint: Pick<Endpoint, 'method' | 'path' | 'params' | 'query' | 'body' | 'bodyType' | 'auth'>;
}

/** A request that passes every schema of its route; the cases change one part of it at a time. */
export interface ValidRequest {
  params: Record<string, string>;
  query: Record<string, string>;
  body?: unknown;
  headers: Record<string, string>;
  /**
   * Sent as it is, the route writes nothing (a wrong password, no SMS code requested, a card already
   * bound, an unknown segment or message): strings the schema lets through are sent too, and must meet
   * the same wall. Otherwise such a string makes a legitimate request (a plate `5000` is a real Hong Kong
   * plate, any well-formed WeChat code logs in) and is not sent.
   */
  harmless?: boolean;
}

export type CaseCategory =
  /** A value of the wrong JSON type, a missing or an extra field, an edge number: a schema must refuse it. */
  | 'shape'
  /** A string the schema may let through (SQL, script, NUL…): the route must still refuse it or do nothing with it. */
  | 'payload'
  /** The body as a whole (syntax, size, nesting, content type, encoding). */
  | 'body'
  | 'params'
  | 'query'
  | 'header'
  | 'upload';

export interface HostileCase {
  label: string;
  route: string;
  method: string;
  /** As sent on the request line: already percent-encoded, or raw on purpose. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Sent with Transfer-Encoding: chunked instead of a Content-Length. */
  chunked?: boolean;
  category: CaseCategory;
  /**
   * Every part of the request passes the route's shared schemas (as far as the test can tell): only the
   * route's own logic stands between it and a write, so a 2xx is allowed and "nothing written" decides.
   */
  schemaValid: boolean;
}

// ---------------------------------------------------------------------------------------------------
// Values

/** Bytes spliced into the JSON text as they are: invalid UTF-8 inside a string literal, or a number JSON.stringify cannot write. */
class RawJson {
  constructor(readonly bytes: Buffer) {}
}
const rawString = (bytes: number[]) => new RawJson(Buffer.from([0x22, ...bytes, 0x22]));
const rawText = (text: string) => new RawJson(Buffer.from(text, 'latin1'));

interface Mutation {
  label: string;
  value: unknown;
  category: 'shape' | 'payload';
}

export const HUGE_100K = 'a'.repeat(100_000);
export const HUGE_1M = 'a'.repeat(1_000_000);

/** Strings a field may be sent instead of the expected one; some pass loose schemas and reach the route. */
export const STRING_PAYLOADS: ReadonlyArray<[string, string]> = [
  ['empty string', ''],
  ['whitespace', ' \t '],
  ['100 KB string', HUGE_100K],
  ['1 MB string', HUGE_1M],
  ['900 KB of CJK', '中'.repeat(300_000)],
  ['NUL inside', 'ab\u0000cd'],
  ['NUL only', '\u0000'],
  ['lone high surrogate', '\ud800'],
  ['lone low surrogate in text', 'a\udfffb'],
  ['right-to-left override', 'abc\u202edcba'],
  ['zero-width and BOM', '\u200b\ufeff'],
  ['emoji', '👍🏽'],
  ['SQL tautology', "' OR 1=1--"],
  ['SQL quote close', "admin'--"],
  ['SQL drop', "'; DROP TABLE users; --"],
  ['SQL union', "%' UNION SELECT token_hash, user_id FROM sessions --"],
  ['SQL double quote', '" OR ""="'],
  ['SQL numeric', '1 OR 1=1'],
  ['script tag', '<script>alert(1)</script>'],
  ['attribute breakout', '"><img src=x onerror=alert(1)>'],
  ['javascript URL', 'javascript:alert(document.cookie)'],
  ['path traversal', '../../../../etc/passwd'],
  ['windows traversal', '..\\..\\..\\windows\\win.ini'],
  ['encoded traversal', '%2e%2e%2f%2e%2e%2f'],
  ['percent NUL', '%00'],
  ['template injection', '${jndi:ldap://x/a}{{7*7}}'],
  ['format string', '%s%s%s%n%x'],
  ['CRLF injection', 'x\r\nSet-Cookie: a=b'],
  ['__proto__ as value', '__proto__'],
  ['number as string', '5000'],
  ['negative as string', '-1'],
  ['NaN as string', 'NaN'],
  ['null as string', 'null'],
];

/** Invalid UTF-8 inside a string literal of the JSON text. */
const BAD_UTF8: ReadonlyArray<[string, RawJson]> = [
  ['invalid UTF-8 bytes', rawString([0xff, 0xfe, 0x41])],
  ['overlong UTF-8 slash', rawString([0xc0, 0xaf])],
  ['UTF-8 encoded surrogate', rawString([0xed, 0xa0, 0x80])],
  ['truncated UTF-8', rawString([0x41, 0xe4, 0xb8])],
];

const WRONG_TYPES: ReadonlyArray<[string, unknown, Kind]> = [
  ['number', 12345, 'number'],
  ['true', true, 'boolean'],
  ['false', false, 'boolean'],
  ['null', null, 'null'],
  ['empty array', [], 'array'],
  ['array of string', ['x'], 'array'],
  ['empty object', {}, 'object'],
  ['object', { a: 1 }, 'object'],
  ['string', 'x', 'string'],
];

const NUMBER_EDGES: ReadonlyArray<[string, unknown]> = [
  ['negative', -1],
  ['zero', 0],
  ['fraction', 0.5],
  ['1e308', 1e308],
  ['-1e308', -1e308],
  // Written as text: JSON.parse rounds it to 2^53, which passes for an integer.
  ['2^53 + 1', rawText('9007199254740993')],
  ['1e999 (Infinity)', rawText('1e999')],
  ['-1e999', rawText('-1e999')],
  ['-0', rawText('-0')],
  ['40-digit number', rawText('1234567890123456789012345678901234567890')],
  ['numeric string', '5000'],
  ['exponent string', '1e3'],
];

// ---------------------------------------------------------------------------------------------------
// Schema walking (zod 4 keeps its definition in `_zod.def`)

type Kind = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object' | 'union' | 'other';

interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
  values?: unknown[];
  entries?: Record<string, unknown>;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under optional/nullable/default wrappers, and whether it may be left out. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean } {
  let inner = schema;
  let optional = false;
  for (;;) {
    const def = defOf(inner);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') optional = true;
    if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type)) {
      inner = def.innerType as z.ZodType;
    } else if (def.type === 'pipe') {
      // A preprocess or transform: the input side is what the client sends.
      inner = (defOf(def.in as z.ZodType).type === 'transform' ? def.out : def.in) as z.ZodType;
    } else {
      return { inner, optional };
    }
  }
}

function kindOf(schema: z.ZodType): Kind {
  const def = defOf(unwrap(schema).inner);
  switch (def.type) {
    case 'string':
    case 'enum':
    case 'template_literal':
      return 'string';
    case 'literal':
      return typeof def.values?.[0] === 'string'
        ? 'string'
        : typeof def.values?.[0] === 'number'
          ? 'number'
          : typeof def.values?.[0] === 'boolean'
            ? 'boolean'
            : 'other';
    case 'number':
    case 'int':
    case 'bigint':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return 'array';
    case 'object':
      return 'object';
    case 'union':
      return 'union';
    default:
      return 'other';
  }
}

function leafMutations(kind: Kind): Mutation[] {
  const out: Mutation[] = WRONG_TYPES.filter(([, , type]) => type !== kind).map(([label, value]) => ({
    label: `wrong type: ${label}`,
    value,
    category: 'shape',
  }));
  if (kind === 'string') {
    for (const [label, value] of STRING_PAYLOADS) out.push({ label, value, category: 'payload' });
    for (const [label, value] of BAD_UTF8) out.push({ label, value, category: 'payload' });
  }
  if (kind === 'number') {
    for (const [label, value] of NUMBER_EDGES) out.push({ label: `number edge: ${label}`, value, category: 'shape' });
  }
  if (kind === 'boolean') {
    out.push({ label: 'boolean as string', value: 'true', category: 'shape' });
    out.push({ label: 'boolean as 1', value: 1, category: 'shape' });
  }
  return out;
}

type Path = ReadonlyArray<string | number>;

interface PathMutation {
  path: Path;
  /** `undefined` with `remove`: the key is deleted. */
  value?: unknown;
  remove?: boolean;
  label: string;
  category: 'shape' | 'payload';
}

/** A JSON object with an own `__proto__` key, as JSON.parse makes it (an object literal would set the prototype). */
const protoObject = (inner: unknown) => JSON.parse(`{"__proto__":${JSON.stringify(inner)}}`) as object;

/** Every single-field mutation of `value` under `schema`. */
function walk(schema: z.ZodType, value: unknown, path: Path, out: PathMutation[]): void {
  const { inner } = unwrap(schema);
  const def = defOf(inner);
  const at = path.length ? path.join('.') : '(root)';
  const kind = kindOf(inner);

  if (kind === 'union') {
    // The option the valid value belongs to (a discriminated union's branch) is walked.
    const option = def.options?.find((candidate) => candidate.safeParse(value).success);
    if (option) walk(option, value, path, out);
    return;
  }

  if (kind === 'object' && def.shape) {
    const object = (value ?? {}) as Record<string, unknown>;
    for (const [key, child] of Object.entries(def.shape)) {
      const childPath = [...path, key];
      if (key in object) {
        out.push({ path: childPath, remove: true, label: `${childPath.join('.')} missing`, category: 'shape' });
        walk(child, object[key], childPath, out);
      } else {
        // An optional field the valid request leaves out: hostile values for it all the same.
        for (const mutation of leafMutations(kindOf(child))) {
          out.push({
            path: childPath,
            value: mutation.value,
            label: `${childPath.join('.')} ${mutation.label}`,
            category: mutation.category,
          });
        }
      }
    }
    const extras: Array<[string, unknown]> = [
      ['extra field', { ...object, isAdmin: true }],
      ['extra field with empty name', { ...object, '': 1 }],
      ['extra field with 100 KB name', { ...object, [HUGE_100K]: 1 }],
      ['__proto__ key', Object.assign(protoObject({ isAdmin: true }), object)],
      ['constructor.prototype key', { ...object, constructor: { prototype: { isAdmin: true } } }],
    ];
    for (const [label, extra] of extras) out.push({ path, value: extra, label: `${at} ${label}`, category: 'shape' });
    for (const mutation of leafMutations('object')) {
      out.push({ path, value: mutation.value, label: `${at} ${mutation.label}`, category: 'shape' });
    }
    return;
  }

  if (kind === 'array' && def.element) {
    const array = (value ?? []) as unknown[];
    const first = array[0];
    const arrays: Array<[string, unknown]> = [
      ['empty array', []],
      ['10,000 items', Array.from({ length: 10_000 }, () => first ?? 'x')],
      ['array of null', [null]],
      ['nested arrays', [[[[first]]]]],
    ];
    for (const [label, candidate] of arrays)
      out.push({ path, value: candidate, label: `${at} ${label}`, category: 'shape' });
    for (const mutation of leafMutations('array')) {
      out.push({ path, value: mutation.value, label: `${at} ${mutation.label}`, category: 'shape' });
    }
    if (array.length > 0) walk(def.element, first, [...path, 0], out);
    return;
  }

  for (const mutation of leafMutations(kind)) {
    out.push({ path, value: mutation.value, label: `${at} ${mutation.label}`, category: mutation.category });
  }
}

function applyMutation(base: unknown, mutation: PathMutation): unknown {
  if (mutation.path.length === 0) return mutation.value;
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const key of mutation.path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = mutation.path[mutation.path.length - 1] as string | number;
  if (mutation.remove) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    parent[last] = mutation.value;
  }
  return copy;
}

/** JSON text as bytes, with RawJson values spliced in as they are. */
export function jsonBytes(value: unknown): Buffer {
  const raws: RawJson[] = [];
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof RawJson) {
      raws.push(item);
      return `\u0001RAW${raws.length - 1}\u0001`;
    }
    return item;
  });
  if (raws.length === 0) return Buffer.from(text, 'utf8');
  const pieces: Buffer[] = [];
  const pattern = /"\\u0001RAW(\d+)\\u0001"/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    pieces.push(Buffer.from(text.slice(last, match.index), 'utf8'));
    pieces.push((raws[Number(match[1])] as RawJson).bytes);
    last = match.index + match[0].length;
  }
  pieces.push(Buffer.from(text.slice(last), 'utf8'));
  return Buffer.concat(pieces);
}

/** What the server's JSON parser makes of the bytes (invalid UTF-8 becomes U+FFFD), or undefined if it is not JSON. */
function parsedAsServerWould(bytes: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(bytes.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}

// ---------------------------------------------------------------------------------------------------
// URL parts

/** Path parameter values: [label, text as it goes on the request line]. */
const PARAM_PAYLOADS: ReadonlyArray<[string, string]> = [
  ['a random UUID (nothing of the user)', randomUUID()],
  ['the nil UUID', '00000000-0000-0000-0000-000000000000'],
  ['an upper-case UUID', randomUUID().toUpperCase()],
  ['a UUID with a tail', `${randomUUID()}x`],
  ['a UUID in braces', encodeURIComponent(`{${randomUUID()}}`)],
  ['raw ../', '..'],
  ['raw .', '.'],
  ['encoded ../', encodeURIComponent('../')],
  ['encoded ../../etc/passwd', encodeURIComponent('../../etc/passwd')],
  ['double-encoded ../', '%252e%252e%252f'],
  ['encoded slash', 'a%2Fb'],
  ['encoded NUL', '%00'],
  ['encoded NUL inside an id', `${randomUUID().slice(0, 8)}%00`],
  ['literal %00 text', encodeURIComponent('%00')],
  ['malformed percent escape', '%zz'],
  ['lone percent', '%'],
  ['invalid UTF-8 escape', '%ff%fe'],
  ['overlong UTF-8 escape', '%c0%af'],
  ['UTF-8 encoded surrogate escape', '%ed%a0%80'],
  ['SQL tautology', encodeURIComponent("' OR 1=1--")],
  ['SQL numeric', encodeURIComponent('1 OR 1=1')],
  ['SQL drop', encodeURIComponent("1'; DROP TABLE cards; --")],
  ['script tag', encodeURIComponent('<script>alert(1)</script>')],
  ['10 KB id', 'a'.repeat(10_000)],
  ['CJK and emoji', encodeURIComponent('中文👍')],
  ['semicolon matrix param', 'a;b=c'],
  ['__proto__', '__proto__'],
  ['constructor', 'constructor'],
  ['number', '12345'],
  ['negative number', '-1'],
  ['1e999', '1e999'],
  ['null text', 'null'],
  ['space', '%20'],
];

/** Query values: [label, text as it goes after `key=`]. */
const QUERY_PAYLOADS: ReadonlyArray<[string, string]> = [
  ['empty', ''],
  ['SQL tautology', encodeURIComponent("' OR 1=1--")],
  ['SQL union', encodeURIComponent("x' UNION SELECT * FROM users--")],
  ['script tag', encodeURIComponent('<script>alert(1)</script>')],
  ['encoded NUL', '%00'],
  ['malformed percent escape', '%zz'],
  ['invalid UTF-8 escape', '%ff%fe'],
  ['UTF-8 encoded surrogate escape', '%ed%a0%80'],
  ['encoded ../', encodeURIComponent('../../etc/passwd')],
  ['8 KB value', 'b'.repeat(8_000)],
  ['CJK and emoji', encodeURIComponent('中文👍')],
  ['number', '12345'],
  ['negative number', '-1'],
  ['fraction', '1.5'],
  ['1e999', '1e999'],
  ['NaN', 'NaN'],
  ['true', 'true'],
  ['null', 'null'],
  ['array brackets', '[]'],
  ['object braces', encodeURIComponent('{"a":1}')],
];

// ---------------------------------------------------------------------------------------------------
// Building cases

export interface CaseContext {
  /** Headers sent with every case of this route unless the case replaces them (authorization, device id). */
  headers: Record<string, string>;
}

function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${path}`);
    return value;
  });
}

const encodeParams = (params: Record<string, string>) =>
  Object.fromEntries(Object.entries(params).map(([key, value]) => [key, encodeURIComponent(value)]));

function queryString(pairs: ReadonlyArray<[string, string]>): string {
  return pairs.length ? `?${pairs.map(([key, value]) => `${key}=${value}`).join('&')}` : '';
}

const encodedPairs = (query: Record<string, string>): Array<[string, string]> =>
  Object.entries(query).map(([key, value]) => [encodeURIComponent(key), encodeURIComponent(value)]);

/** Whether a body part passes the route's schema once the server has parsed it. */
function bodyPasses(route: RouteUnderTest, bytes: Buffer): boolean {
  const schema = route.endpoint.body;
  if (!schema || route.endpoint.bodyType === 'multipart') return true;
  const parsed = parsedAsServerWould(bytes);
  return parsed.ok && schema.safeParse(parsed.value).success;
}

const JSON_TYPE = { 'content-type': 'application/json' };

/** Field-by-field cases for a JSON body. */
function bodyFieldCases(route: RouteUnderTest, valid: ValidRequest, base: Omit<HostileCase, 'label'>): HostileCase[] {
  const schema = route.endpoint.body;
  if (!schema || route.endpoint.bodyType === 'multipart') return [];
  const mutations: PathMutation[] = [];
  walk(schema, valid.body, [], mutations);
  const cases: HostileCase[] = [];
  for (const mutation of mutations) {
    const bytes = jsonBytes(applyMutation(valid.body, mutation));
    const passes = bodyPasses(route, bytes);
    // A "wrong" value the schema accepts (null where null is allowed, a missing optional field) is not
    // hostile on a route that writes: sending it would be a legitimate request.
    if (passes && route.endpoint.method !== 'GET' && (mutation.category === 'shape' || !valid.harmless)) continue;
    cases.push({
      ...base,
      label: `body ${mutation.label}`,
      headers: { ...base.headers, ...JSON_TYPE },
      body: bytes,
      category: mutation.category,
      schemaValid: passes,
    });
  }
  return cases;
}

interface WholeBody {
  label: string;
  body?: Buffer;
  headers: Record<string, string>;
  chunked?: boolean;
  /** Fastify's parser turns it into a value (a route without a body schema would then run). */
  parses: boolean;
}

const deepArray = (levels: number) => Buffer.from(`${'['.repeat(levels)}${']'.repeat(levels)}`);
const deepObject = (levels: number) => Buffer.from(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`);

/**
 * Cases about the body as a whole, the same for every route that takes one. `parses` is false only where
 * Fastify's parser must refuse the bytes; anything it might turn into a value counts as parsed. A content
 * type Fastify reads as JSON carries `{}` rather than the valid body, which would make a legitimate request.
 */
function wholeBodies(validBody: unknown): WholeBody[] {
  const valid = jsonBytes(validBody ?? {});
  const empty = Buffer.from('{}');
  const twoMiB = Buffer.from(JSON.stringify({ filler: 'x'.repeat(2 * 1024 * 1024) }));
  const json = (label: string, body: Buffer, parses: boolean): WholeBody => ({
    label,
    body,
    headers: JSON_TYPE,
    parses,
  });
  const typed = (label: string, body: Buffer, type: string, parses: boolean): WholeBody => ({
    label,
    body,
    headers: { 'content-type': type },
    parses,
  });
  return [
    json('truncated JSON', valid.subarray(0, Math.max(1, valid.length - 2)), false),
    json('JSON with trailing garbage', Buffer.concat([valid, Buffer.from(' trailing')]), false),
    json('not JSON at all', Buffer.from('phone=1&password=2'), false),
    json('single quotes', Buffer.from("{'a': 1}"), false),
    json('NUL bytes only', Buffer.alloc(64, 0), false),
    json('raw invalid UTF-8 bytes', Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0xc0, 0xaf]), false),
    json('UTF-16 encoded JSON', Buffer.from(`\ufeff${valid.toString('utf8')}`, 'utf16le'), false),
    json('empty body with a JSON content type', Buffer.alloc(0), false),
    json('root __proto__ pollution', Buffer.from('{"__proto__":{"isAdmin":true}}'), false),
    json('root constructor.prototype pollution', Buffer.from('{"constructor":{"prototype":{"isAdmin":true}}}'), false),
    json(
      '__proto__ deep inside 5,000 nested objects',
      Buffer.from(`${'{"a":'.repeat(5_000)}{"__proto__":{"isAdmin":true}}${'}'.repeat(5_000)}`),
      false,
    ),
    json('oversize body (2 MiB)', twoMiB, false),
    { label: 'oversize body (2 MiB), chunked', body: twoMiB, headers: JSON_TYPE, chunked: true, parses: false },
    { label: 'no body and no content type', headers: {}, parses: true },
    json('10,000 nested arrays', deepArray(10_000), true),
    json('100,000 nested arrays', deepArray(100_000), true),
    json('10,000 nested objects', deepObject(10_000), true),
    json('JSON null', Buffer.from('null'), true),
    json('JSON string', Buffer.from('"hello"'), true),
    json('JSON number 1e999', Buffer.from('1e999'), true),
    json('JSON array of the valid body', Buffer.concat([Buffer.from('['), valid, Buffer.from(']')]), true),
    json('50,000 keys', Buffer.from(`{${Array.from({ length: 50_000 }, (_, i) => `"k${i}":1`).join(',')}}`), true),
    typed('valid JSON sent as text/plain', valid, 'text/plain', true),
    typed('valid JSON sent as a form', valid, 'application/x-www-form-urlencoded', true),
    typed('valid JSON sent as XML', valid, 'application/xml', true),
    typed('valid JSON sent as multipart without a boundary', valid, 'multipart/form-data', true),
    typed('valid JSON under a garbage content type', valid, '}{;;;=', true),
    typed('{} under a 4 KB content type', empty, `application/json; x=${'y'.repeat(4096)}`, true),
    typed('{} with charset=latin1', empty, 'application/json; charset=latin1', true),
    {
      label: '{} claiming gzip encoding',
      body: empty,
      headers: { ...JSON_TYPE, 'content-encoding': 'gzip' },
      parses: true,
    },
  ];
}

/** Every hostile case for one route, given a valid request for it. */
export function casesForRoute(route: RouteUnderTest, valid: ValidRequest): HostileCase[] {
  const { endpoint } = route;
  const cases: HostileCase[] = [];
  const path = fillPath(endpoint.path, encodeParams(valid.params));
  const validQuery = queryString(encodedPairs(valid.query));
  const base = {
    route: route.name,
    method: endpoint.method,
    path: `${path}${validQuery}`,
    headers: { ...valid.headers },
    schemaValid: false,
  };
  const validBody = endpoint.body && endpoint.bodyType !== 'multipart' ? jsonBytes(valid.body) : undefined;
  const withValidBody = validBody ? { body: validBody, headers: { ...base.headers, ...JSON_TYPE } } : {};
  const writes = endpoint.method !== 'GET';

  // Path parameters, one at a time; the rest of the request valid.
  for (const name of Object.keys(endpoint.params?.shape ?? {})) {
    for (const [label, text] of PARAM_PAYLOADS) {
      const params = { ...encodeParams(valid.params), [name]: text };
      cases.push({
        ...base,
        ...withValidBody,
        label: `:${name} ${label}`,
        path: `${fillPath(endpoint.path, params)}${validQuery}`,
        category: 'params',
      });
    }
    const params = { ...encodeParams(valid.params), [name]: '' };
    cases.push({
      ...base,
      ...withValidBody,
      label: `:${name} empty`,
      path: `${fillPath(endpoint.path, params)}${validQuery}`,
      category: 'params',
    });
  }

  // Query parameters: only GET routes declare any, and a GET writes nothing, so every case is sent.
  const queryShape = endpoint.query?.shape ?? {};
  for (const name of Object.keys(queryShape)) {
    const others = encodedPairs(valid.query).filter(([key]) => key !== name);
    const variants: Array<[string, Array<[string, string]>]> = QUERY_PAYLOADS.map(([label, text]) => [
      `?${name} ${label}`,
      [...others, [name, text]],
    ]);
    variants.push([`?${name} missing`, others]);
    variants.push([`?${name} repeated`, [...others, [name, 'a'], [name, 'b']]]);
    variants.push([`?${name} as array brackets`, [...others, [`${name}[]`, 'a']]]);
    variants.push([`?${name} as nested object`, [...others, [`${name}[a]`, 'b']]]);
    for (const [label, pairs] of variants) {
      cases.push({ ...base, label, path: `${path}${queryString(pairs)}`, category: 'query' });
    }
    const keyOnly = `${queryString(others)}${others.length ? '&' : '?'}${name}`;
    cases.push({ ...base, label: `?${name} key without a value`, path: `${path}${keyOnly}`, category: 'query' });
  }
  // Extra and odd query parameters on any GET (a route that declares none ignores them, and writes nothing).
  if (!writes) {
    const odd: Array<[string, string]> = [
      ['extra unknown parameter', 'isAdmin=true'],
      ['__proto__ parameter', '__proto__[isAdmin]=true&constructor[prototype][x]=1'],
      ['1,000 parameters', Array.from({ length: 1000 }, (_, i) => `p${i}=${i}`).join('&')],
      ['malformed escapes', '%zz=%ff&%00=%00'],
      ['only separators', '&&&==&'],
    ];
    for (const [label, text] of odd) {
      const sep = validQuery ? '&' : '?';
      cases.push({ ...base, label: `query ${label}`, path: `${path}${validQuery}${sep}${text}`, category: 'query' });
    }
  }

  // The JSON body, field by field.
  cases.push(...bodyFieldCases(route, valid, { ...base, category: 'shape' }));

  // The body as a whole. A route without a body schema would act on a body its parser accepts (pay an
  // order, log out), so such bodies go to a random id, where the route can only answer 404.
  if (writes && endpoint.bodyType !== 'multipart') {
    const hasParams = Object.keys(endpoint.params?.shape ?? {}).length > 0;
    for (const whole of wholeBodies(valid.body)) {
      let target = base.path;
      if (!endpoint.body && whole.parses) {
        if (!hasParams) continue;
        target = `${fillPath(endpoint.path, Object.fromEntries(Object.keys(valid.params).map((key) => [key, randomUUID()])))}${validQuery}`;
      }
      cases.push({
        ...base,
        label: `whole body: ${whole.label}`,
        path: target,
        headers: { ...base.headers, ...whole.headers },
        ...(whole.body ? { body: whole.body } : {}),
        ...(whole.chunked ? { chunked: true } : {}),
        category: 'body',
      });
    }
  }
  return cases;
}

/** Authorization headers that must all end in 401 (or a 4xx before auth) on a route that needs a session. */
export const AUTHORIZATION_PAYLOADS: ReadonlyArray<[string, string]> = [
  ['empty', ''],
  ['scheme only', 'Bearer'],
  ['scheme and space', 'Bearer '],
  ['lower-case scheme, garbage', 'bearer x'],
  ['Basic credentials', `Basic ${Buffer.from('admin:admin').toString('base64')}`],
  ['SQL tautology token', "Bearer ' OR 1=1--"],
  ['script token', 'Bearer <script>alert(1)</script>'],
  ['two tokens', 'Bearer abc def'],
  ['8 KB token', `Bearer ${'t'.repeat(8_000)}`],
  ['latin-1 bytes', 'Bearer \u00ff\u00fe\u00e9'],
  ['JWT with alg none', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.'],
  ['tab separated', 'Bearer\tabc'],
];

/** Device ids (`x-device-id`) the shared schema refuses. */
export const DEVICE_ID_PAYLOADS: ReadonlyArray<[string, string]> = [
  ['empty', ''],
  ['too short', 'abc'],
  ['too long', 'd'.repeat(65)],
  ['8 KB', 'd'.repeat(8_000)],
  ['SQL tautology', "' OR 1=1-- aaaaaaaaaaaa"],
  ['path traversal', '../../../../etc/passwd'],
  ['latin-1 bytes', '\u00ff'.repeat(20)],
  ['script tag', '<script>alert(1)</script>'],
];

/** Idempotency keys the shared schema refuses. */
export const IDEMPOTENCY_KEY_PAYLOADS: ReadonlyArray<[string, string]> = [
  ['empty', ''],
  ['too short', 'abc'],
  ['too long', 'k'.repeat(65)],
  ['SQL tautology', "' OR 1=1-- kkkkkkkk"],
  ['8 KB', 'k'.repeat(8_000)],
  ['latin-1 bytes', '\u00e9'.repeat(10)],
];

/** Headers any route reads for every request (language, conditional GET). */
export const COMMON_HEADER_PAYLOADS: ReadonlyArray<[string, Record<string, string>]> = [
  ['accept-language garbage', { 'accept-language': ';;;q=abc,,,*;q=-1' }],
  ['accept-language 8 KB', { 'accept-language': `${'zh-Hant,'.repeat(1_000)}en` }],
  ['accept-language latin-1 bytes', { 'accept-language': '\u00ff\u00fe' }],
  ['if-none-match *', { 'if-none-match': '*' }],
  ['if-none-match garbage', { 'if-none-match': '"a", W/"b", <script>' }],
  ['if-modified-since garbage', { 'if-modified-since': 'yesterday' }],
  ['x-forwarded-for spoofed', { 'x-forwarded-for': '127.0.0.1, 10.0.0.1, <script>' }],
  ['host header garbage', { host: 'evil.example.com:99999' }],
  ['accept only xml', { accept: 'application/xml' }],
  ['accept-encoding unknown', { 'accept-encoding': 'br;q=2, zstd, x-gzip, *;q=0' }],
];

export interface HeaderReads {
  /** The route looks at `authorization` (a required or optional session). */
  authorization: boolean;
  /** The route looks at `x-device-id`. */
  deviceId: boolean;
  /** The route looks at `idempotency-key`. */
  idempotencyKey: boolean;
}

/**
 * Hostile values of the headers a route reads. Each replaces one header of an otherwise valid request,
 * so only headers the route checks are varied on routes that write: an ignored header on a valid
 * request would make it a legitimate one.
 */
export function headerCases(route: RouteUnderTest, valid: ValidRequest, reads: HeaderReads): HostileCase[] {
  const { endpoint } = route;
  const params = encodeParams(valid.params);
  const base = {
    route: route.name,
    method: endpoint.method,
    path: `${fillPath(endpoint.path, params)}${queryString(encodedPairs(valid.query))}`,
    headers: { ...valid.headers },
    ...(endpoint.body && endpoint.bodyType !== 'multipart' ? { body: jsonBytes(valid.body) } : {}),
    category: 'header' as const,
    schemaValid: false,
  };
  if (base.body) base.headers = { ...base.headers, ...JSON_TYPE };
  const cases: HostileCase[] = [];
  const vary = (label: string, headers: Record<string, string>) =>
    cases.push({ ...base, label, headers: { ...base.headers, ...headers } });
  if (reads.authorization) {
    for (const [label, value] of AUTHORIZATION_PAYLOADS) vary(`authorization ${label}`, { authorization: value });
  }
  if (reads.deviceId) {
    for (const [label, value] of DEVICE_ID_PAYLOADS) vary(`x-device-id ${label}`, { 'x-device-id': value });
  }
  if (reads.idempotencyKey) {
    for (const [label, value] of IDEMPOTENCY_KEY_PAYLOADS)
      vary(`idempotency-key ${label}`, { 'idempotency-key': value });
  }
  if (endpoint.method === 'GET') {
    for (const [label, headers] of COMMON_HEADER_PAYLOADS) vary(label, headers);
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------------
// Uploads

export interface PartSpec {
  /** Raw header lines of the part (Content-Disposition first). */
  head: string[];
  data: Buffer;
}

/** A multipart/form-data body built byte by byte, so a case can break any piece of it. */
export function multipartBody(parts: PartSpec[], boundary: string, options: { close?: boolean } = {}): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(
      Buffer.from(`--${boundary}\r\n${part.head.join('\r\n')}\r\n\r\n`, 'latin1'),
      part.data,
      Buffer.from('\r\n'),
    );
  }
  if (options.close !== false) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

export const filePart = (data: Buffer, field = 'photo', filename = 'id.png', type = 'image/png'): PartSpec => ({
  head: [`Content-Disposition: form-data; name="${field}"; filename="${filename}"`, `Content-Type: ${type}`],
  data,
});
export const fieldPart = (name: string, value: string): PartSpec => ({
  head: [`Content-Disposition: form-data; name="${name}"`],
  data: Buffer.from(value),
});

export interface UploadCase {
  label: string;
  /** Sent to the owner's card unless a case names another id. */
  cardId?: string;
  body: Buffer;
  contentType?: string;
  chunked?: boolean;
}

/** Upload cases for the ID-photo route, to the owner's verified card unless a case says otherwise. */
export function uploadCases(route: RouteUnderTest, valid: ValidRequest, uploads: UploadCase[]): HostileCase[] {
  return uploads.map((upload) => {
    const params = encodeParams({ ...valid.params, ...(upload.cardId === undefined ? {} : { id: upload.cardId }) });
    return {
      label: `upload ${upload.label}`,
      route: route.name,
      method: route.endpoint.method,
      path: fillPath(route.endpoint.path, params),
      headers: {
        ...valid.headers,
        ...(upload.contentType === undefined ? {} : { 'content-type': upload.contentType }),
      },
      body: upload.body,
      ...(upload.chunked ? { chunked: true } : {}),
      category: 'upload' as const,
      schemaValid: false,
    };
  });
}
