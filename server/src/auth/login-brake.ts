import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { RateLimit } from '../config';
import type { Database } from '../db/schema/index';
import { TooManyRequestsError } from '../errors/app-error';
import { addressKey } from '../http/rate-limits';
import { giveBackHit, hitCounter, secondsUntil } from '../rate-counters/queries';
import { LoginLockedError } from './errors';

/**
 * Failed-login counters. Guessing a password is braked per phone *and client address*: ten wrong
 * passwords from one address stop that address for that phone, and the owner elsewhere logs in as
 * usual (counting per phone alone let anyone lock any phone out on purpose). Guessing from many
 * addresses is braked per phone alone with a far higher bar. Only failures count: each attempt takes a
 * slot before the password is checked (so parallel guesses cannot all slip past the bar) and gives it
 * back if the password was right; a success also clears its pair. The counters are rows of
 * rate_counters, shared by every instance on the database.
 */
export interface LoginBrake {
  /** Throws 429 when the pair or the phone is over its bar; otherwise takes a slot for this attempt. */
  begin(phoneE164: string, address: string): Promise<LoginAttempt>;
}

export interface LoginAttempt {
  /** The password was wrong: the slot stays taken. */
  failed(): void;
  /** The password was right (or the attempt ended for another reason): the slots are given back. */
  release(options?: { clearPair: boolean }): Promise<void>;
}

export function createLoginBrake(
  db: Kysely<Database>,
  limits: { perPhone: RateLimit; perPhoneAnyAddress: RateLimit },
  clock: Clock,
): LoginBrake {
  return {
    async begin(phoneE164, address) {
      const now = clock();
      const pairKey = `login pair:${phoneE164} ${addressKey(address)}`;
      const phoneKey = `login phone:${phoneE164}`;
      const pair = await hitCounter(db, pairKey, limits.perPhone.windowMs, now);
      if (pair.count > limits.perPhone.max) {
        // A refused attempt is not a failure: it must not push the window further.
        await giveBackHit(db, pairKey, pair, false);
        throw new TooManyRequestsError(secondsUntil(pair, now));
      }
      const phone = await hitCounter(db, phoneKey, limits.perPhoneAnyAddress.windowMs, now);
      if (phone.count > limits.perPhoneAnyAddress.max) {
        await giveBackHit(db, phoneKey, phone, false);
        await giveBackHit(db, pairKey, pair, false);
        throw new LoginLockedError(secondsUntil(phone, now));
      }
      let settled = false;
      return {
        failed() {
          settled = true;
        },
        async release(options = { clearPair: false }) {
          if (settled) return;
          settled = true;
          await giveBackHit(db, pairKey, pair, options.clearPair);
          await giveBackHit(db, phoneKey, phone, false);
        },
      };
    },
  };
}
