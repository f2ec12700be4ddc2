import { deviceIdSchema, idempotencyKeySchema } from '@cbc/shared';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { newIdempotencyKey } from '../../src/api';
import { randomId } from '../../src/utils/random-id';

describe('random ids', () => {
  it('are URL-safe and of the length asked for', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), (length) => {
        expect(randomId(length)).toMatch(new RegExp(`^[A-Za-z0-9_-]{${length}}$`));
      }),
    );
  });

  it('make idempotency keys and device ids the server accepts, not twice the same', () => {
    const keys = new Set(Array.from({ length: 200 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(idempotencyKeySchema.safeParse(key).success).toBe(true);
    expect(deviceIdSchema.safeParse(randomId(24)).success).toBe(true);
  });

  it('still work where there is no Web Crypto (WeChat’s runtime)', () => {
    vi.stubGlobal('crypto', undefined);
    try {
      const ids = new Set(Array.from({ length: 50 }, () => randomId(24)));
      expect(ids.size).toBe(50);
      for (const id of ids) expect(deviceIdSchema.safeParse(id).success).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
