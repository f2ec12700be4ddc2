/**
 * Alipay's open-platform wire format, as a merchant implements it: the parameter map of a gateway
 * call, what its RSA2 signature covers (sorted parameters), and Beijing wall-clock times. RSA2 itself
 * is SHA256withRSA in base64, signed and verified by security/rsa-signature.ts. The simulated platform
 * speaks the same format; `alipay-sdk` (a devDependency) checks both from outside in tests.
 * Facts: shared/PAYMENTS.md §8; the sorting and exclusions are those of alipay-sdk's checkNotifySign.
 */

/** Every gateway parameter and every notification field is a string on the wire. */
export type AlipayParams = Record<string, string>;

/** The `xxx_response` object of a gateway reply: `code` 10000 is success, 40004 a business refusal. */
export interface AlipayResponse {
  code: string;
  msg: string;
  sub_code?: string;
  sub_msg?: string;
  [field: string]: string | undefined;
}

/**
 * How a merchant reaches Alipay's gateway: one signed parameter map in, the response object out. A real
 * deployment would POST to openapi.alipay.com; the simulation answers in-process.
 */
export interface AlipayGateway {
  execute(params: AlipayParams): Promise<AlipayResponse>;
}

export const ALIPAY_SUCCESS_CODE = '10000';
export const ALIPAY_BUSINESS_FAILED = '40004';

/** Simulation only (see payment-sims/alipay/gateway.ts): why the simulated Alipay declined a closed trade. */
export const SIM_DECLINE_CODE = 'sim_decline_code';
export const SIM_DECLINE_DESC = 'sim_decline_desc';

/** Alipay's trade_status values (alipay.trade.query and the asynchronous notification). */
export type AlipayTradeStatus = 'WAIT_BUYER_PAY' | 'TRADE_CLOSED' | 'TRADE_SUCCESS' | 'TRADE_FINISHED';

/**
 * What RSA2 signs: `k=v&…` over the parameters sorted by name, skipping `excluded` and empty values,
 * values as received (decoded, never re-encoded). Requests sign everything but `sign`; notifications
 * leave out `sign_type` too.
 */
export function signContent(params: AlipayParams, excluded: readonly string[]): string {
  return Object.keys(params)
    .filter((key) => !excluded.includes(key) && params[key] !== '')
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('&');
}

export const REQUEST_UNSIGNED = ['sign'] as const;
export const NOTIFY_UNSIGNED = ['sign', 'sign_type'] as const;

const BEIJING_OFFSET_MS = 8 * 3_600_000;
const BEIJING_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;

/** `2026-12-02 14:29:35`: Alipay writes times as Beijing wall-clock time without an offset. */
export function formatBeijingTime(date: Date): string {
  return new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** The instant of a Beijing wall-clock time; undefined for anything else (`2026-02-30 …` included). */
export function parseBeijingTime(text: string): Date | undefined {
  const match = BEIJING_TIME.exec(text);
  if (!match) return undefined;
  const date = new Date(`${match[1]}T${match[2]}+08:00`);
  return Number.isNaN(date.getTime()) || formatBeijingTime(date) !== text ? undefined : date;
}
