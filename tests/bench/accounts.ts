import { MAX_CARDS_PER_ACCOUNT, generateCardNumber } from '@cbc/shared';
import { bindVerifiedCardThroughApi, registerThroughApi } from '../support/accounts';
import { inBatches } from './http';

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
  const indexes = Array.from({ length: count }, (_, index) => offset + index);
  // Registration runs scrypt: a few at a time keeps the set-up short without a queue of slow requests.
  return inBatches(indexes, 4, async (index) => {
    const phone = { region: 'CN' as const, number: `139${String(10_000_000 + index).slice(-8)}` };
    const { token } = await registerThroughApi(baseUrl, {
      phone: phone.number,
      password: BENCH_PASSWORD,
      deviceId: `bench-device-${String(index).padStart(10, '0')}`,
    });
    const cards: BenchCard[] = [];
    for (let n = 0; n < cardsPerUser; n += 1) {
      const serial = String(10_000_000_000 + index * 10 + n).slice(-11);
      const card = await bindVerifiedCardThroughApi(baseUrl, token, {
        number: generateCardNumber('zhonggangtong', serial),
        plate: '粤Z1234港',
      });
      cards.push({ cardId: card.id, token });
    }
    return { token, phone, cards };
  });
}
