import { z } from 'zod';
import type { HttpTransport, IncomingResponse } from '../../http/transport';
import { randomAlphanumeric, signMessage, unixTimestamp } from '../../security/rsa-signature';
import { PaymentProviderError, type PaymentProvider, type ProviderTrade } from '../provider';
import type { WechatPayMerchant } from './merchant';
import { NONCE_LENGTH, formatAuthorization, paySignMessage, requestMessage, verifyPlatformSignature } from './signing';
import { toBeijingRfc3339 } from './time';
import { toProviderTrade, wechatPayTransactionSchema } from './transaction';

/**
 * The merchant side of WeChat Pay v3 (shared/PAYMENTS.md §1–§3, §5): JSAPI prepay, query and close,
 * each request signed with the merchant key and each reply verified with the platform public key
 * before anything in it is believed. The platform is whatever `baseUrl` names: the simulator this
 * server mounts at `/v3/…`, or api.mch.weixin.qq.com with a real merchant's files.
 */

export interface WechatPayProviderDeps {
  merchant: WechatPayMerchant;
  /** The platform's origin, without a trailing path: the v3 paths are signed as sent. */
  baseUrl: () => string;
  /** Full URL of the notify route, without query parameters (v3 refuses them). */
  notifyUrl: () => string;
  transport: HttpTransport;
  clock: () => Date;
}

const prepayReplySchema = z.object({ prepay_id: z.string().min(1) });
const errorReplySchema = z.object({ code: z.string(), message: z.string().optional() });

const USER_AGENT = 'cbc-server (WeChat Pay APIv3 merchant client)';

interface Reply {
  status: number;
  json: unknown;
  /** v3 error code of a non-2xx reply, when its body has one. */
  code: string | undefined;
}

export function createWechatPayProvider(deps: WechatPayProviderDeps): PaymentProvider {
  const { merchant, transport, clock } = deps;

  const call = async (method: 'GET' | 'POST', pathWithQuery: string, body?: unknown): Promise<Reply> => {
    const url = new URL(`${deps.baseUrl().replace(/\/+$/, '')}${pathWithQuery}`);
    const signedPath = `${url.pathname}${url.search}`;
    const text = body === undefined ? '' : JSON.stringify(body);
    const timestamp = unixTimestamp(clock());
    const nonce = randomAlphanumeric(NONCE_LENGTH);
    const signature = await signMessage(
      requestMessage(method, signedPath, timestamp, nonce, text),
      merchant.privateKey,
    );
    const what = `WeChat Pay ${method} ${url.pathname}`;
    let response: IncomingResponse;
    try {
      response = await transport({
        method,
        url: url.toString(),
        headers: {
          authorization: formatAuthorization({
            mchid: merchant.mchid,
            nonce,
            signature,
            timestamp,
            serialNo: merchant.serialNo,
          }),
          accept: 'application/json',
          'user-agent': USER_AGENT,
          // Public-key mode: tells the platform which of its keys we verify with.
          'wechatpay-serial': merchant.publicKeyId,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: text }),
      });
    } catch (error) {
      throw new PaymentProviderError(`${what}: platform not reached`, { cause: error });
    }
    // Error replies are signed too: a forged "order does not exist" must not close an order here.
    const check = verifyPlatformSignature({
      headers: response.headers,
      body: response.body,
      now: clock(),
      keyFor: (serial) => (serial === merchant.publicKeyId ? merchant.platformPublicKey : undefined),
    });
    if (!check.ok) throw new PaymentProviderError(`${what}: reply ${response.status} not verified (${check.reason})`);
    let json: unknown = undefined;
    if (response.body !== '') {
      try {
        json = JSON.parse(response.body);
      } catch (error) {
        throw new PaymentProviderError(`${what}: reply ${response.status} is not JSON`, { cause: error });
      }
    }
    const failure = response.status >= 300 ? errorReplySchema.safeParse(json) : undefined;
    return { status: response.status, json, code: failure?.success ? failure.data.code : undefined };
  };

  const unexpected = (what: string, reply: Reply) =>
    new PaymentProviderError(
      `WeChat Pay ${what}: unexpected reply ${reply.status}${reply.code ? ` ${reply.code}` : ''}`,
    );

  const tradePath = (outTradeNo: string) => `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}`;

  const query = async (outTradeNo: string): Promise<ProviderTrade | null> => {
    const reply = await call('GET', `${tradePath(outTradeNo)}?mchid=${encodeURIComponent(merchant.mchid)}`);
    if (reply.status === 404 && reply.code === 'ORDER_NOT_EXIST') return null;
    if (reply.status !== 200) throw unexpected('query', reply);
    const parsed = wechatPayTransactionSchema.safeParse(reply.json);
    if (!parsed.success) throw new PaymentProviderError('WeChat Pay query: malformed transaction');
    const transaction = parsed.data;
    if (
      transaction.out_trade_no !== outTradeNo ||
      transaction.mchid !== merchant.mchid ||
      transaction.appid !== merchant.appid
    ) {
      throw new PaymentProviderError('WeChat Pay query: the transaction is not the one asked for');
    }
    const trade = toProviderTrade(transaction);
    if (!trade) throw new PaymentProviderError(`WeChat Pay query: unusable trade_state ${transaction.trade_state}`);
    return trade;
  };

  return {
    methods: ['wechatpay'],

    async prepare(order) {
      if (order.method !== 'wechatpay') throw new PaymentProviderError(`WeChat Pay cannot take ${order.method}`);
      const reply = await call('POST', '/v3/pay/transactions/jsapi', {
        appid: merchant.appid,
        mchid: merchant.mchid,
        description: order.description,
        out_trade_no: order.outTradeNo,
        // Whole seconds, so preparing the same order again sends the same parameters (a fresh prepay_id).
        time_expire: toBeijingRfc3339(order.expiresAt),
        notify_url: deps.notifyUrl(),
        amount: { total: order.amountMinor, currency: order.currency },
        payer: { openid: order.payer.openid },
      });
      if (reply.status !== 200) throw unexpected('prepay', reply);
      const parsed = prepayReplySchema.safeParse(reply.json);
      if (!parsed.success) throw new PaymentProviderError('WeChat Pay prepay: reply without prepay_id');
      const timeStamp = unixTimestamp(clock());
      const nonceStr = randomAlphanumeric(NONCE_LENGTH);
      const pkg = `prepay_id=${parsed.data.prepay_id}`;
      return {
        method: 'wechatpay',
        params: {
          timeStamp,
          nonceStr,
          package: pkg,
          signType: 'RSA',
          paySign: await signMessage(paySignMessage(merchant.appid, timeStamp, nonceStr, pkg), merchant.privateKey),
        },
      };
    },

    query,

    async close(outTradeNo) {
      const reply = await call('POST', `${tradePath(outTradeNo)}/close`, { mchid: merchant.mchid });
      if (reply.status === 204) return 'closed';
      if (reply.status === 404 && reply.code === 'ORDER_NOT_EXIST') return 'unknown';
      if (reply.status === 400 && reply.code === 'ORDER_CLOSED') return 'closed';
      // v3 publishes no dedicated "already paid" code for close (v2 had ORDERPAID); a business refusal
      // is settled by asking for the order, as WeChat Pay advises before acting on a close.
      const businessRefusal =
        (reply.status === 400 || reply.status === 403) &&
        reply.code !== undefined &&
        !['PARAM_ERROR', 'INVALID_REQUEST', 'SIGN_ERROR'].includes(reply.code);
      if (!businessRefusal) throw unexpected('close', reply);
      const trade = await query(outTradeNo);
      if (!trade) return 'unknown';
      if (trade.state === 'SUCCESS') return 'paid';
      if (trade.state === 'CLOSED') return 'closed';
      throw unexpected('close', reply);
    },
  };
}
