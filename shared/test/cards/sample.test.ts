import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CARD_IDS,
  bindCardRequestSchema,
  normalizeIdNumber,
  normalizePlate,
  sampleCardData,
  validateCardNumber,
  validateIdNumber,
  validatePlate,
} from '../../src/index';

/** A deterministic random source from a seed (the same generator the demo seed uses). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('sampleCardData (填入示例)', () => {
  it('always makes data the bind form and the server accept, for both card types', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CARD_IDS), fc.integer(), (type, seed) => {
        const sample = sampleCardData(type, seeded(seed));
        expect(validateCardNumber(type, sample.number)).toBeNull();
        expect(validatePlate(sample.plate.region, sample.plate.number)).toBeNull();
        expect(validateIdNumber(sample.idDocument.type, sample.idDocument.number)).toBeNull();
        const request = bindCardRequestSchema.safeParse({
          type,
          number: sample.number,
          plates: [{ region: sample.plate.region, number: normalizePlate(sample.plate.region, sample.plate.number) }],
          idDocument: {
            type: sample.idDocument.type,
            number: normalizeIdNumber(sample.idDocument.type, sample.idDocument.number),
          },
          sample: true,
        });
        expect(request.success, JSON.stringify(request.error?.issues)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('fits the card type: a cross-border plate and a mainland ID for 中港通卡, HK plate and HKID for 遠遊卡', () => {
    const zgt = sampleCardData('zhonggangtong');
    expect(zgt.plate.region).toBe('mainland');
    expect(zgt.plate.number).toMatch(/^粤Z\d{4}港$/);
    expect(zgt.idDocument.type).toBe('mainland_id');
    const yy = sampleCardData('yuanyou');
    expect(yy.plate.region).toBe('hk');
    expect(yy.idDocument.type).toBe('hkid');
  });

  it('draws a new card number each time', () => {
    const numbers = new Set(Array.from({ length: 50 }, () => sampleCardData('yuanyou').number));
    expect(numbers.size).toBe(50);
  });
});
