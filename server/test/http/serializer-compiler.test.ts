import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contractSerializerCompiler } from '../../src/http/serializer-compiler';

const reply = z.object({
  id: z.string(),
  amountMinor: z.number().int(),
  note: z.string().nullable(),
  lines: z.array(z.object({ at: z.iso.datetime(), kind: z.enum(['topup', 'trip']) })),
});

/** A Fastify app with the compiler and one GET route answering `body` under `schema`. */
async function appReplying(schema: z.ZodType, body: unknown) {
  const app = Fastify({ logger: false });
  app.setSerializerCompiler(contractSerializerCompiler);
  app.get('/reply', { schema: { response: { 200: schema } } }, async () => body);
  await app.ready();
  return app;
}

describe('contractSerializerCompiler', () => {
  it('sends the reply as the schema has it, without keys the schema does not name', async () => {
    const app = await appReplying(reply, {
      id: 'o_1',
      amountMinor: 10_000,
      note: null,
      lines: [{ at: '2026-12-03T07:00:00.000Z', kind: 'topup', cardNumber: '6200000000000000' }],
      passwordHash: 'scrypt$secret',
    });
    const res = await app.inject({ url: '/reply' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: 'o_1',
      amountMinor: 10_000,
      note: null,
      lines: [{ at: '2026-12-03T07:00:00.000Z', kind: 'topup' }],
    });
    expect(res.body).not.toContain('secret');
    expect(res.body).not.toContain('6200000000000000');
  });

  it.each([
    ['a float where an integer belongs', { amountMinor: 99.5 }],
    ['a kind outside the enum', { lines: [{ at: '2026-12-03T07:00:00.000Z', kind: 'refund' }] }],
    ['a date that is not ISO 8601', { lines: [{ at: '3 Dec 2026', kind: 'trip' }] }],
    ['a missing field', { note: undefined }],
  ])('refuses %s with FST_ERR_RESPONSE_SERIALIZATION', async (_case, change) => {
    const app = await appReplying(reply, { id: 'o_1', amountMinor: 100, note: 'x', lines: [], ...change });
    const res = await app.inject({ url: '/reply' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'FST_ERR_RESPONSE_SERIALIZATION' });
  });

  it.each([
    ['a transform', 'a transform', z.object({ total: z.string().transform((text) => text.length) })],
    ['a transform behind z.lazy', 'a transform', z.object({ total: z.lazy(() => z.string().transform(Number)) })],
    ['a preprocess step', 'a transform', z.object({ total: z.preprocess((value) => Number(value), z.number()) })],
    [
      'a codec',
      'a codec',
      z.object({
        at: z.array(
          z.codec(z.iso.datetime(), z.date(), {
            decode: (text) => new Date(text),
            encode: (date) => date.toISOString(),
          }),
        ),
      }),
    ],
  ])('refuses a reply schema with %s when the route is registered', async (_case, named, schema) => {
    await expect(appReplying(schema, {})).rejects.toThrow(`the reply schema has ${named}`);
  });

  it('takes a recursive schema and the wrapped form Fastify may pass', async () => {
    interface Node {
      name: string;
      children: Node[];
    }
    const node: z.ZodType<Node> = z.object({
      name: z.string(),
      get children() {
        return z.array(node);
      },
    });
    const app = await appReplying(node, { name: 'root', children: [{ name: 'leaf', children: [], extra: 1 }] });
    expect((await app.inject({ url: '/reply' })).json()).toEqual({
      name: 'root',
      children: [{ name: 'leaf', children: [] }],
    });
    const serialize = contractSerializerCompiler({
      schema: { properties: reply },
      method: 'GET',
      url: '/x',
      httpStatus: '200',
    });
    expect(serialize({ id: 'a', amountMinor: 1, note: null, lines: [], extra: true })).toBe(
      '{"id":"a","amountMinor":1,"note":null,"lines":[]}',
    );
  });
});
