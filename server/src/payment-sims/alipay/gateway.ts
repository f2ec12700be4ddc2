import { randomInt, randomUUID } from 'node:crypto';
import { decimalToMinor, minorToDecimal } from '@cbc/shared';
import type { Kysely } from 'kysely';
import type { Clock } from '../../clock';
import type { Database, SimPaymentRow } from '../../db/schema/index';
import type { AlipayGateway, AlipayParams, AlipayResponse, AlipayTradeStatus } from '../../payments/alipay/protocol';
import { sha256Hex } from '../../security/keyed-hash';
import { verifyMessage } from '../../security/rsa-signature';
import { closeIfExpired, closeTrade, createTrade, findTrade } from '../trades';
import type { AlipayPlatformKeys } from './keys';
import {
  BUSINESS_FAILED,
  DECLINE_CODE_FIELD,
  DECLINE_DESC_FIELD,
  REQUEST_UNSIGNED,
  SUCCESS_CODE,
  beijingTime,
  parseBeijingTime,
  signContent,
} from './wire';

/**
 * The simulated Alipay's open-platform gateway (gateway.do), answered in-process: the three calls a
 * mini-program merchant makes, each checked like the real one (public parameters, app_id, the RSA2
 * signature with the app public key) and answered with Alipay's codes.
 */

export interface AlipayGatewayDeps {
  db: Kysely<Database>;
  clock: Clock;
  keys: AlipayPlatformKeys;
}

const success = (fields: Record<string, string | undefined> = {}): AlipayResponse => ({
  code: SUCCESS_CODE,
  msg: 'Success',
  ...fields,
});

const refused = (subCode: string, subMsg: string): AlipayResponse => ({
  code: BUSINESS_FAILED,
  msg: 'Business Failed',
  sub_code: subCode,
  sub_msg: subMsg,
});

const invalidArguments = (subCode: string, subMsg: string): AlipayResponse => ({
  code: '40002',
  msg: 'Invalid Arguments',
  sub_code: subCode,
  sub_msg: subMsg,
});

const invalidParameter = (what: string) => refused('ACQ.INVALID_PARAMETER', `参数无效: ${what}`);
const notExist = () => refused('ACQ.TRADE_NOT_EXIST', '交易不存在');

/** The simulation's expiry when a trade.create carries no time_expire (this merchant always sends one). */
const DEFAULT_EXPIRY_MS = 15 * 24 * 3_600_000;
const OUT_TRADE_NO = /^[0-9A-Za-z_-]{1,64}$/;
const REQUIRED = ['app_id', 'method', 'charset', 'sign_type', 'sign', 'timestamp', 'version', 'biz_content'];

/** The trade status Alipay reports. Alipay has no "failed" trade: a declined one can never be paid, so it reads as closed. */
function tradeStatus(row: SimPaymentRow): AlipayTradeStatus {
  if (row.state === 'NOTPAY') return 'WAIT_BUYER_PAY';
  if (row.state === 'SUCCESS') return 'TRADE_SUCCESS';
  return 'TRADE_CLOSED';
}

/**
 * A simulation-only addition to the query answer: why a closed trade was declined. Real Alipay tells
 * only the payer (ACQ.BUYER_BALANCE_NOT_ENOUGH on the cashier); the practice case needs the merchant
 * to end the order as declined rather than expired. A real gateway never sends these fields.
 */
function declineFields(row: SimPaymentRow): Record<string, string> {
  return row.state === 'PAYERROR'
    ? { [DECLINE_CODE_FIELD]: 'ACQ.BUYER_BALANCE_NOT_ENOUGH', [DECLINE_DESC_FIELD]: row.stateDesc ?? '买家余额不足' }
    : {};
}

/** `2026120222001` + 15 digits: the date, Alipay's channel digits, a serial (28 digits, like real trade_nos). */
export function newTradeNo(now: Date): string {
  const date = beijingTime(now).slice(0, 10).replaceAll('-', '');
  // randomInt draws below 2^48 only: the 15-digit serial is drawn in two parts.
  const serial = `${String(randomInt(0, 1e8)).padStart(8, '0')}${String(randomInt(0, 1e7)).padStart(7, '0')}`;
  return `${date}22001${serial}`;
}

function bizContent(params: AlipayParams): Record<string, string> | undefined {
  try {
    const parsed: unknown = JSON.parse(params.biz_content ?? '');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(parsed)) {
      if (typeof value === 'string') fields[key] = value;
      else if (typeof value === 'number') fields[key] = String(value);
    }
    return fields;
  } catch {
    return undefined;
  }
}

export function createAlipayGateway(deps: AlipayGatewayDeps): AlipayGateway {
  const { db, clock, keys } = deps;
  const key = (outTradeNo: string) => ({ provider: 'alipay' as const, merchantId: keys.appId, outTradeNo });

  async function create(biz: Record<string, string>, notifyUrl: string | undefined): Promise<AlipayResponse> {
    const now = clock();
    const outTradeNo = biz.out_trade_no ?? '';
    const amountMinor = decimalToMinor(biz.total_amount ?? '');
    const subject = biz.subject ?? '';
    const buyer = biz.buyer_open_id ?? biz.buyer_id ?? '';
    if (!OUT_TRADE_NO.test(outTradeNo)) return invalidParameter('out_trade_no');
    if (amountMinor === undefined || amountMinor < 1) return invalidParameter('total_amount');
    if (subject === '' || subject.length > 256) return invalidParameter('subject');
    if (biz.product_code !== 'JSAPI_PAY') return invalidParameter('product_code');
    // A mini-program trade.create names its payer: only that Alipay user may pay it.
    if (buyer === '') return refused('ACQ.BUYER_NOT_EXIST', '买家不存在');
    if (!notifyUrl || !URL.canParse(notifyUrl)) return invalidParameter('notify_url');
    const expiresAt = biz.time_expire ? parseBeijingTime(biz.time_expire) : new Date(now.getTime() + DEFAULT_EXPIRY_MS);
    if (!expiresAt) return invalidParameter('time_expire');

    const requestHash = sha256Hex(
      JSON.stringify([outTradeNo, amountMinor, subject, buyer, biz.time_expire ?? null, notifyUrl]),
    );
    const tradeNo = newTradeNo(now);
    const trade = await createTrade(db, {
      id: randomUUID(),
      ...key(outTradeNo),
      requestHash,
      description: subject,
      amountMinor,
      currency: 'CNY',
      notifyUrl,
      payer: buyer,
      // Alipay numbers the trade when it is created; the mini-program pays it with my.tradePay({ tradeNO }).
      prepayId: tradeNo,
      state: 'NOTPAY',
      stateDesc: null,
      transactionId: null,
      successTime: null,
      expiresAt: expiresAt.toISOString(),
      attach: null,
      otpHash: null,
      otpExpiresAt: null,
      otpSentAt: null,
      otpAttempts: 0,
      createdAt: now.toISOString(),
    });
    if (trade === 'conflict') return refused('ACQ.CONTEXT_INCONSISTENT', '交易信息被篡改');
    const current = await closeIfExpired(db, trade, now);
    if (current.state === 'SUCCESS') return refused('ACQ.TRADE_HAS_SUCCESS', '交易已被支付');
    if (current.state !== 'NOTPAY') return refused('ACQ.TRADE_HAS_CLOSE', '交易已经关闭');
    return success({ out_trade_no: outTradeNo, trade_no: current.prepayId });
  }

  async function query(biz: Record<string, string>): Promise<AlipayResponse> {
    const found = await findTrade(db, key(biz.out_trade_no ?? ''));
    if (!found) return notExist();
    const row = await closeIfExpired(db, found, clock());
    return success({
      trade_no: row.prepayId,
      out_trade_no: row.outTradeNo,
      buyer_open_id: row.payer ?? undefined,
      trade_status: tradeStatus(row),
      ...declineFields(row),
      total_amount: minorToDecimal(Number(row.amountMinor)),
      ...(row.successTime
        ? {
            buyer_pay_amount: minorToDecimal(Number(row.amountMinor)),
            send_pay_date: beijingTime(new Date(row.successTime)),
          }
        : {}),
    });
  }

  async function close(biz: Record<string, string>): Promise<AlipayResponse> {
    const found = await findTrade(db, key(biz.out_trade_no ?? ''));
    if (!found) return notExist();
    const row = await closeTrade(db, found);
    if (row.state === 'SUCCESS') return refused('ACQ.TRADE_STATUS_ERROR', '交易状态不合法');
    return success({ trade_no: row.prepayId, out_trade_no: row.outTradeNo });
  }

  return {
    async execute(params) {
      const missing = REQUIRED.find((name) => !params[name]);
      if (missing) {
        return {
          code: '40001',
          msg: 'Missing Required Arguments',
          sub_code: `isv.missing-${missing.replaceAll('_', '-')}`,
        };
      }
      if (params.app_id !== keys.appId) return invalidArguments('isv.invalid-app-id', '无效的AppID参数');
      if (params.sign_type !== 'RSA2') return invalidArguments('isv.invalid-signature-type', '无效的签名类型');
      if (!verifyMessage(signContent(params, REQUEST_UNSIGNED), params.sign ?? '', keys.merchantPublicKey)) {
        return invalidArguments('isv.invalid-signature', '验签出错');
      }
      if (params.charset !== 'utf-8') return invalidArguments('isv.invalid-charset', '字符集错误');
      const biz = bizContent(params);
      if (!biz) return invalidParameter('biz_content');
      switch (params.method) {
        case 'alipay.trade.create':
          return create(biz, params.notify_url);
        case 'alipay.trade.query':
          return query(biz);
        case 'alipay.trade.close':
          return close(biz);
        default:
          return invalidArguments('isv.invalid-method', '不存在的方法名');
      }
    },
  };
}
