import type { SIM_DECLINE_CODE, SIM_DECLINE_DESC } from '../../payments/alipay/protocol';

/**
 * The simulated Alipay's side of the open-platform format: what the RSA2 signature covers (sorted
 * parameters) and Beijing wall-clock times. Written apart from the merchant's implementation
 * (payments/alipay) on purpose: the two meet only on the wire, and the tests check both against the
 * `alipay-sdk` package. RSA2 itself (SHA256withRSA, base64) is security/rsa-signature.ts on both sides.
 * Facts: shared/PAYMENTS.md §8.
 */

export const SUCCESS_CODE = '10000';
export const BUSINESS_FAILED = '40004';

/** Gateway requests are signed over every parameter but `sign`. */
export const REQUEST_UNSIGNED: readonly string[] = ['sign'];
/** Notifications leave `sign_type` out too. */
export const NOTIFY_UNSIGNED: readonly string[] = ['sign', 'sign_type'];

/** The simulation-only fields of a query answer (see gateway.ts); the types keep both sides' spelling equal. */
export const DECLINE_CODE_FIELD: typeof SIM_DECLINE_CODE = 'sim_decline_code';
export const DECLINE_DESC_FIELD: typeof SIM_DECLINE_DESC = 'sim_decline_desc';

/** `k=v&…` over the parameters sorted by name, without `excluded` and empty values, values as received. */
export function signContent(params: Record<string, string>, excluded: readonly string[]): string {
  return Object.keys(params)
    .filter((key) => !excluded.includes(key) && params[key] !== '')
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('&');
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** `2026-12-02 14:29:35`: Beijing wall-clock time, no offset. */
export function beijingTime(date: Date): string {
  return new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** The instant of a Beijing wall-clock time; undefined for anything else. */
export function parseBeijingTime(text: string): Date | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(text);
  if (!match) return undefined;
  const date = new Date(`${match[1]}T${match[2]}+08:00`);
  return Number.isNaN(date.getTime()) || beijingTime(date) !== text ? undefined : date;
}
