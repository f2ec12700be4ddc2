import {
  DEVICE_ID_HEADER,
  MAX_CARDS_PER_ACCOUNT,
  boundCardSchema,
  generateCardNumber,
  generateMainlandId,
  sessionSchema,
  smsCodeReplySchema,
} from '@cbc/shared';
import { solidPng } from '../support/fixtures';
import { call, inBatches } from './http';

/** A verified 中港通卡 and the session of its holder: what an order needs. */
export interface BenchCard {
  cardId: string;
  token: string;
}

export interface BenchUser {
  token: string;
  phone: { region: 'CN'; number: string };
  cards: BenchCard[];
}

export const BENCH_PASSWORD = 'bench2026pass';

/**
 * Registration, SMS codes and login are rate-limited per phone and address; load and fault runs open
 * them wide (they register many users from one address, and measure login's hash, not its limiter).
 */
export const OPEN_RATE_LIMITS = {
  RATE_LIMIT_LOGIN_PHONE: '99999/1h',
  RATE_LIMIT_LOGIN_ADDRESS: '99999/1h',
  RATE_LIMIT_SMS_CODE_ADDRESS: '99999/1h',
  RATE_LIMIT_REGISTER_ADDRESS: '99999/1h',
};

/**
 * Users made through the API the way the miniapp makes them: SMS code, register (a phone, so every
 * credited order also writes its SMS receipt), bind 中港通卡 and upload the ID photo so each is verified.
 * `offset` keeps phone and card numbers apart between servers of one run.
 */
export async function benchUsers(
  baseUrl: string,
  count: number,
  offset = 0,
  cardsPerUser = MAX_CARDS_PER_ACCOUNT,
): Promise<BenchUser[]> {
  const photo = new Blob([new Uint8Array(solidPng(40, 30, [120, 160, 200]))], { type: 'image/png' });
  const indexes = Array.from({ length: count }, (_, index) => offset + index);
  // Registration runs scrypt: a few at a time keeps the set-up short without a queue of slow requests.
  return inBatches(indexes, 4, async (index) => {
    const phone = { region: 'CN' as const, number: `139${String(10_000_000 + index).slice(-8)}` };
    const device = { [DEVICE_ID_HEADER]: `bench-device-${String(index).padStart(10, '0')}` };
    const sms = smsCodeReplySchema.parse(
      await call('POST', `${baseUrl}/api/v1/auth/sms-code`, { body: { phone, purpose: 'register' }, headers: device }),
    );
    const smsCode = /(\d{6})/.exec(sms.message.body)?.[1] ?? '';
    const { token } = sessionSchema.parse(
      await call('POST', `${baseUrl}/api/v1/auth/register`, {
        body: { phone, password: BENCH_PASSWORD, smsCode },
        headers: device,
      }),
    );
    const cards: BenchCard[] = [];
    for (let n = 0; n < cardsPerUser; n += 1) {
      const serial = String(10_000_000_000 + index * 10 + n).slice(-11);
      const card = boundCardSchema.parse(
        await call('POST', `${baseUrl}/api/v1/cards`, {
          token,
          body: {
            type: 'zhonggangtong',
            number: generateCardNumber('zhonggangtong', serial),
            plates: [{ region: 'mainland', number: '粤Z1234港' }],
            idDocument: { type: 'mainland_id', number: generateMainlandId('440304', '19900101', '123') },
          },
        }),
      );
      const form = new FormData();
      form.append('photo', photo, 'id.png');
      await call('POST', `${baseUrl}/api/v1/cards/${card.id}/id-photo`, { token, form });
      cards.push({ cardId: card.id, token });
    }
    return { token, phone, cards };
  });
}
