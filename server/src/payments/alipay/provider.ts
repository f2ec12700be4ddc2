import { decimalToMinor, minorToDecimal } from '@cbc/shared';
import type { Clock } from '../../clock';
import { signMessage } from '../../security/rsa-signature';
import { PaymentProviderError, type PaymentProvider, type ProviderTrade, type ProviderTradeState } from '../provider';
import type { AlipayMerchant } from './keys';
import {
  ALIPAY_BUSINESS_FAILED,
  ALIPAY_SUCCESS_CODE,
  REQUEST_UNSIGNED,
  SIM_DECLINE_CODE,
  SIM_DECLINE_DESC,
  formatBeijingTime,
  parseBeijingTime,
  signContent,
  type AlipayGateway,
  type AlipayParams,
  type AlipayResponse,
} from './protocol';

/**
 * The merchant's Alipay: alipay.trade.create for the mini-program's my.tradePay, query and close, each
 * a gateway call signed with the app private key.
 */

export interface AlipayProviderDeps {
  merchant: AlipayMerchant;
  gateway: AlipayGateway;
  /** Where Alipay posts notifications: the full URL of ALIPAY_NOTIFY_PATH on this server. */
  notifyUrl: string;
  clock: Clock;
}

const TRADE_STATES: Record<string, ProviderTradeState> = {
  WAIT_BUYER_PAY: 'NOTPAY',
  TRADE_SUCCESS: 'SUCCESS',
  // Paid, and past the refund period: still paid.
  TRADE_FINISHED: 'SUCCESS',
  TRADE_CLOSED: 'CLOSED',
};

const isRefusal = (response: AlipayResponse, subCode: string) =>
  response.code === ALIPAY_BUSINESS_FAILED && response.sub_code === subCode;

export function createAlipayProvider(deps: AlipayProviderDeps): PaymentProvider {
  const { merchant, gateway, clock } = deps;

  async function call(method: string, biz: Record<string, string>, extra: AlipayParams = {}) {
    const params: AlipayParams = {
      app_id: merchant.appId,
      method,
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      timestamp: formatBeijingTime(clock()),
      version: '1.0',
      ...extra,
      biz_content: JSON.stringify(biz),
    };
    params.sign = await signMessage(signContent(params, REQUEST_UNSIGNED), merchant.privateKey);
    try {
      return await gateway.execute(params);
    } catch (error) {
      throw new PaymentProviderError(`${method} failed`, { cause: error });
    }
  }

  const unexpected = (method: string, response: AlipayResponse) =>
    new PaymentProviderError(`${method}: ${response.code} ${response.sub_code ?? response.msg}`);

  async function query(outTradeNo: string): Promise<ProviderTrade | null> {
    const response = await call('alipay.trade.query', { out_trade_no: outTradeNo });
    if (isRefusal(response, 'ACQ.TRADE_NOT_EXIST')) return null;
    if (response.code !== ALIPAY_SUCCESS_CODE) throw unexpected('alipay.trade.query', response);
    const state = TRADE_STATES[response.trade_status ?? ''];
    const amountMinor = decimalToMinor(response.total_amount ?? '');
    if (!state || amountMinor === undefined || response.out_trade_no !== outTradeNo) {
      throw unexpected('alipay.trade.query', response);
    }
    const paid = state === 'SUCCESS';
    // Only the simulated Alipay says why it declined; with it, a closed trade is a failed payment.
    const declined = state === 'CLOSED' && response[SIM_DECLINE_CODE] !== undefined;
    return {
      outTradeNo,
      state: declined ? 'PAYERROR' : state,
      stateDesc: declined ? (response[SIM_DECLINE_DESC] ?? response[SIM_DECLINE_CODE]) : null,
      // A JSAPI trade is numbered when created; it becomes the transaction id once paid.
      transactionId: paid ? (response.trade_no ?? null) : null,
      amountMinor,
      currency: 'CNY',
      paidAt: paid ? (parseBeijingTime(response.send_pay_date ?? '')?.toISOString() ?? null) : null,
    };
  }

  return {
    methods: ['alipay'],

    async prepare(order) {
      if (order.method !== 'alipay') throw new Error(`the Alipay provider cannot take ${order.method}`);
      // Alipay's mini-program trades settle in yuan: total_amount carries no currency.
      if (order.currency !== 'CNY') throw new PaymentProviderError(`Alipay cannot charge ${order.currency}`);
      const response = await call(
        'alipay.trade.create',
        {
          out_trade_no: order.outTradeNo,
          total_amount: minorToDecimal(order.amountMinor),
          subject: order.description,
          product_code: 'JSAPI_PAY',
          // No Alipay login here, so no Alipay open_id: the user id stands in for the payer's.
          buyer_open_id: order.payer.userId,
          time_expire: formatBeijingTime(order.expiresAt),
        },
        { notify_url: deps.notifyUrl },
      );
      if (response.code !== ALIPAY_SUCCESS_CODE || !response.trade_no) {
        throw unexpected('alipay.trade.create', response);
      }
      return { method: 'alipay', params: { tradeNO: response.trade_no } };
    },

    query,

    async close(outTradeNo) {
      const response = await call('alipay.trade.close', { out_trade_no: outTradeNo });
      if (response.code === ALIPAY_SUCCESS_CODE) return 'closed';
      if (isRefusal(response, 'ACQ.TRADE_NOT_EXIST')) return 'unknown';
      // ACQ.TRADE_STATUS_ERROR says only that the trade's state forbids closing it: ask which state.
      if (isRefusal(response, 'ACQ.TRADE_STATUS_ERROR')) {
        const trade = await query(outTradeNo);
        if (trade?.state === 'SUCCESS') return 'paid';
        if (trade?.state === 'CLOSED') return 'closed';
      }
      throw unexpected('alipay.trade.close', response);
    },
  };
}
