import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { CARD_IDS, cardIdSchema } from '../../src/cards/cards';
import { generateCardNumber } from '../../src/validation/card-number';
import {
  VALIDATION_MESSAGE_KEYS,
  bindCardNumberCheck,
  idDocumentInputSchema,
  isValidationMessageKey,
  passwordSchema,
  phoneInputSchema,
  plateInputSchema,
  smsCodeSchema,
} from '../../src/validation/zod';

function issues(result: { success: boolean; error?: z.ZodError }) {
  return (result.error?.issues ?? []).map(({ path, message }) => ({ path, message }));
}

describe('zod schemas', () => {
  it('phone input reports a message key on the number', () => {
    expect(phoneInputSchema.safeParse({ region: 'CN', number: '138 0013 8000' }).success).toBe(true);
    expect(issues(phoneInputSchema.safeParse({ region: 'HK', number: '21234567' }))).toEqual([
      { path: ['number'], message: 'validation.phone.format' },
    ]);
    expect(issues(phoneInputSchema.safeParse({ region: 'MO', number: '' }))).toEqual([
      { path: ['number'], message: 'validation.phone.empty' },
    ]);
    // A bad region is zod's own issue; the refinement does not run on it.
    const badRegion = issues(phoneInputSchema.safeParse({ region: 'TW', number: '0912345678' }));
    expect(badRegion).toHaveLength(1);
    expect(badRegion[0]?.path).toEqual(['region']);
  });

  it('password and SMS code', () => {
    expect(passwordSchema.safeParse('abc12345').success).toBe(true);
    expect(issues(passwordSchema.safeParse('abc'))).toEqual([{ path: [], message: 'validation.password.too_short' }]);
    expect(issues(passwordSchema.safeParse('abcdefgh'))).toEqual([
      { path: [], message: 'validation.password.too_weak' },
    ]);
    expect(smsCodeSchema.safeParse('123456').success).toBe(true);
    expect(issues(smsCodeSchema.safeParse(''))).toEqual([{ path: [], message: 'validation.smsCode.empty' }]);
    expect(issues(smsCodeSchema.safeParse('12345'))).toEqual([{ path: [], message: 'validation.smsCode.format' }]);
  });

  it('plate and identity document', () => {
    expect(plateInputSchema.safeParse({ region: 'mainland', number: '粤Z·A123港' }).success).toBe(true);
    expect(issues(plateInputSchema.safeParse({ region: 'macau', number: 'AB 123' }))).toEqual([
      { path: ['number'], message: 'validation.plate.format.macau' },
    ]);
    expect(idDocumentInputSchema.safeParse({ type: 'hkid', number: 'A123456(3)' }).success).toBe(true);
    expect(issues(idDocumentInputSchema.safeParse({ type: 'hkid', number: 'A123456(4)' }))).toEqual([
      { path: ['number'], message: 'validation.id.check_digit' },
    ]);
    expect(issues(idDocumentInputSchema.safeParse({ type: 'mainland_id', number: '11010519491231002' }))).toEqual([
      { path: ['number'], message: 'validation.id.format' },
    ]);
  });

  it('card number across fields', () => {
    const valid = generateCardNumber('yuanyou', '12345678901');
    expect(bindCardNumberCheck('yuanyou', valid)).toBeNull();
    expect(bindCardNumberCheck('zhonggangtong', valid)).toBe('validation.cardNumber.wrong_prefix');
    expect(bindCardNumberCheck('yuanyou', valid.slice(0, -1) + '0')).toBe('validation.cardNumber.check_digit');

    const schema = z.object({ card: cardIdSchema, cardNumber: z.string() }).superRefine((value, ctx) => {
      const key = bindCardNumberCheck(value.card, value.cardNumber);
      if (key) ctx.addIssue({ code: 'custom', path: ['cardNumber'], message: key });
    });
    for (const card of CARD_IDS) {
      expect(schema.safeParse({ card, cardNumber: generateCardNumber(card, '00000000000') }).success).toBe(true);
    }
    expect(issues(schema.safeParse({ card: 'yuanyou', cardNumber: '8852 12' }))).toEqual([
      { path: ['cardNumber'], message: 'validation.cardNumber.wrong_length' },
    ]);
  });

  it('message keys are unique, well-formed and recognised', () => {
    expect(new Set(VALIDATION_MESSAGE_KEYS).size).toBe(VALIDATION_MESSAGE_KEYS.length);
    for (const key of VALIDATION_MESSAGE_KEYS) {
      expect(key).toMatch(/^validation\.(phone|password|smsCode|plate|id|cardNumber)\.[a-z_]+(\.[a-z]+)?$/);
      expect(isValidationMessageKey(key)).toBe(true);
    }
    expect(isValidationMessageKey('validation.phone.nope')).toBe(false);
    expect(isValidationMessageKey(42)).toBe(false);
  });
});
