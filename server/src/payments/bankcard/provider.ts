import type { Clock } from '../../clock';
import { newNonce, signMessage, signedMessage, unixTimestamp } from '../../security/rsa-signature';
import { PaymentProviderError, type PaymentProvider, type ProviderTrade } from '../provider';
import type { BankcardMerchant } from './keys';
import type { BankApi, BankOperation, BankPayment, BankReply, CreatePaymentRequest } from './protocol';

/**
 * The merchant's card acquirer, for UnionPay and credit cards alike: create a payment (its token opens
 * the cashier, where the bank asks the cardholder for a one-time code), query it, close it.
 */

export interface BankcardProviderDeps {
  merchant: BankcardMerchant;
  bank: BankApi;
  /** Where the bank posts notifications: the full URL of BANKCARD_NOTIFY_PATH on this server. */
  notifyUrl: string;
  clock: Clock;
}

function toTrade(payment: BankPayment): ProviderTrade {
  return {
    outTradeNo: payment.outTradeNo,
    state: payment.state,
    stateDesc: payment.stateDesc,
    transactionId: payment.state === 'SUCCESS' ? payment.transactionId : null,
    amountMinor: payment.amount.total,
    currency: payment.amount.currency,
    paidAt: payment.state === 'SUCCESS' ? payment.successTime : null,
  };
}

export function createBankcardProvider(deps: BankcardProviderDeps): PaymentProvider {
  const { merchant, bank, clock } = deps;

  async function call(operation: BankOperation, payload: object): Promise<BankReply> {
    const body = JSON.stringify(payload);
    const timestamp = unixTimestamp(clock());
    const nonce = newNonce();
    const signature = await signMessage(signedMessage([operation, timestamp, nonce, body]), merchant.privateKey);
    try {
      return await bank.call({ merchantId: merchant.merchantId, operation, timestamp, nonce, body, signature });
    } catch (error) {
      throw new PaymentProviderError(`${operation} failed`, { cause: error });
    }
  }

  const unexpected = (operation: BankOperation, reply: BankReply) =>
    new PaymentProviderError(`${operation}: ${reply.ok ? 'unexpected payment' : `${reply.code} ${reply.message}`}`);

  return {
    methods: ['unionpay', 'credit_card'],

    async prepare(order) {
      if (order.method !== 'unionpay' && order.method !== 'credit_card') {
        throw new Error(`the bank-card provider cannot take ${order.method}`);
      }
      const request: CreatePaymentRequest = {
        outTradeNo: order.outTradeNo,
        scheme: order.method,
        description: order.description,
        amount: { total: order.amountMinor, currency: order.currency },
        expiresAt: order.expiresAt.toISOString(),
        notifyUrl: deps.notifyUrl,
        payer: order.payer.userId,
      };
      const reply = await call('payments.create', request);
      if (!reply.ok || reply.payment.outTradeNo !== order.outTradeNo) throw unexpected('payments.create', reply);
      return { method: order.method, params: { paymentToken: reply.payment.paymentToken } };
    },

    async query(outTradeNo) {
      const reply = await call('payments.query', { outTradeNo });
      if (!reply.ok && reply.code === 'ORDER_NOT_EXIST') return null;
      if (!reply.ok || reply.payment.outTradeNo !== outTradeNo) throw unexpected('payments.query', reply);
      return toTrade(reply.payment);
    },

    async close(outTradeNo) {
      const reply = await call('payments.close', { outTradeNo });
      if (!reply.ok && reply.code === 'ORDER_NOT_EXIST') return 'unknown';
      if (!reply.ok || reply.payment.outTradeNo !== outTradeNo) throw unexpected('payments.close', reply);
      if (reply.payment.state === 'SUCCESS') return 'paid';
      if (reply.payment.state === 'CLOSED') return 'closed';
      throw unexpected('payments.close', reply);
    },
  };
}
