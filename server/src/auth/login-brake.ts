import { isIPv6 } from 'node:net';
import type { Clock } from '../clock';
import type { RateLimit } from '../config';
import { TooManyRequestsError } from '../errors/app-error';
import { LoginLockedError } from './errors';

/**
 * Failed-login counters. Guessing a password is braked per phone *and client address*: ten wrong
 * passwords from one address stop that address for that phone, and the owner elsewhere logs in as
 * usual (counting per phone alone, as before, let anyone lock any phone out on purpose). Guessing from
 * many addresses is braked per phone alone with a far higher bar. Only failures count: each attempt
 * takes a slot before the password is checked (so parallel guesses cannot all slip past the bar) and
 * gives it back if the password was right; a success also clears its pair.
 *
 * Counters live in this process, like the other rate limits (several instances multiply the bars).
 */
export interface LoginBrake {
  /** Throws 429 when the pair or the phone is over its bar; otherwise takes a slot for this attempt. */
  begin(phoneE164: string, address: string): LoginAttempt;
}

export interface LoginAttempt {
  /** The password was wrong: the slot stays taken. */
  failed(): void;
  /** The password was right (or the attempt ended for another reason): the slots are given back. */
  release(options?: { clearPair: boolean }): void;
}

interface Window {
  count: number;
  resetAt: number;
}

/** IPv6 clients usually hold a whole /64: count it as one address, or each guess could come from a new one. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array.from({ length: Math.max(0, 8 - left.length - right.length) }, () => '0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

class Counter {
  private readonly windows = new Map<string, Window>();
  private writes = 0;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number,
  ) {}

  /** Seconds until the key may try again, or 0 if it is under the bar. */
  blockedFor(key: string): number {
    const window = this.live(key);
    if (!window || window.count < this.limit.max) return 0;
    return (window.resetAt - this.now()) / 1000;
  }

  take(key: string): Window {
    let window = this.live(key);
    if (!window) {
      window = { count: 0, resetAt: this.now() + this.limit.windowMs };
      this.windows.set(key, window);
      this.sweep();
    }
    window.count += 1;
    return window;
  }

  giveBack(key: string, taken: Window, clear: boolean): void {
    // Only the window the slot came from: a new window after a reset owes nothing.
    if (this.windows.get(key) !== taken) return;
    if (clear) this.windows.delete(key);
    else taken.count = Math.max(0, taken.count - 1);
  }

  private live(key: string): Window | undefined {
    const window = this.windows.get(key);
    if (window && window.resetAt <= this.now()) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  /** Drops ended windows now and then, so counters of addresses that went away do not pile up. */
  private sweep(): void {
    this.writes += 1;
    if (this.writes % 1000 !== 0) return;
    const now = this.now();
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

export function createLoginBrake(
  limits: { perPhone: RateLimit; perPhoneAnyAddress: RateLimit },
  clock: Clock,
): LoginBrake {
  const now = () => clock().getTime();
  const pairs = new Counter(limits.perPhone, now);
  const phones = new Counter(limits.perPhoneAnyAddress, now);
  return {
    begin(phoneE164, address) {
      const pairKey = `${phoneE164} ${addressKey(address)}`;
      const pairWait = pairs.blockedFor(pairKey);
      if (pairWait > 0) throw new TooManyRequestsError(pairWait);
      const phoneWait = phones.blockedFor(phoneE164);
      if (phoneWait > 0) throw new LoginLockedError(phoneWait);
      const pair = pairs.take(pairKey);
      const phone = phones.take(phoneE164);
      let settled = false;
      return {
        failed() {
          settled = true;
        },
        release(options = { clearPair: false }) {
          if (settled) return;
          settled = true;
          pairs.giveBack(pairKey, pair, options.clearPair);
          phones.giveBack(phoneE164, phone, false);
        },
      };
    },
  };
}
