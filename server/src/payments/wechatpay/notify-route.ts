import type { FastifyError, FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { PaymentNotificationHandler, PaymentNotificationOutcome } from '../provider';
import { AeadDecryptError, decryptResource } from './aead';
import type { WechatPayMerchant } from './merchant';
import { verifyPlatformSignature } from './signing';
import { toProviderTrade, wechatPayTransactionSchema } from './transaction';

/**
 * The notify_url of WeChat Pay v3 payment notifications (shared/PAYMENTS.md §3, §4). The signature is
 * checked on the raw body before anything is parsed, then the resource is decrypted (tag checked)
 * and the merchant and app compared with ours; only then does the orders feature see the trade.
 * 2xx tells the platform to stop; any other status makes it retry on its schedule, so every refusal
 * is logged with its reason (never the decrypted resource).
 */

export const WECHATPAY_NOTIFY_PATH = '/api/v1/payments/wechatpay/notify';

export interface WechatPayNotifyDeps {
  merchant: WechatPayMerchant;
  clock: () => Date;
  onPaid: PaymentNotificationHandler;
}

// Real notifications are about 1 KB; anything far larger is not one.
const BODY_LIMIT_BYTES = 64 * 1024;

const notificationSchema = z.object({
  id: z.string(),
  create_time: z.string(),
  resource_type: z.literal('encrypt-resource'),
  event_type: z.string(),
  resource: z.object({
    original_type: z.string(),
    algorithm: z.literal('AEAD_AES_256_GCM'),
    ciphertext: z.string().min(1),
    associated_data: z.string().optional(),
    nonce: z.string(),
  }),
});

class Refusal extends Error {
  constructor(
    readonly statusCode: number,
    readonly reason: string,
    readonly outTradeNo?: string,
  ) {
    super(reason);
    this.name = 'Refusal';
  }
}

const OUTCOME_STATUS: Record<PaymentNotificationOutcome, number> = {
  applied: 204,
  already: 204,
  unknown_order: 404,
  mismatch: 400,
};

function fail(reply: FastifyReply, statusCode: number, message: string) {
  return reply.code(statusCode).type('application/json; charset=utf-8').send({ code: 'FAIL', message });
}

export function wechatPayNotifyRoutes(deps: WechatPayNotifyDeps): FastifyPluginAsync {
  const { merchant, clock, onPaid } = deps;

  const readTrade = (headers: Record<string, string | string[] | undefined>, raw: string) => {
    const check = verifyPlatformSignature({
      headers,
      body: raw,
      now: clock(),
      keyFor: (serial) => (serial === merchant.publicKeyId ? merchant.platformPublicKey : undefined),
    });
    if (!check.ok) throw new Refusal(401, `signature ${check.reason}`);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new Refusal(400, 'body is not JSON');
    }
    const notification = notificationSchema.safeParse(json);
    if (!notification.success) throw new Refusal(400, 'not a v3 notification');
    const { event_type: eventType, resource } = notification.data;
    // Basic payments notify on success only; anything else on this URL is a misrouted event.
    if (eventType !== 'TRANSACTION.SUCCESS' || resource.original_type !== 'transaction') {
      throw new Refusal(400, `unexpected event ${eventType}/${resource.original_type}`);
    }
    let plaintext: string;
    try {
      plaintext = decryptResource(
        merchant.apiV3Key,
        resource.ciphertext,
        resource.nonce,
        resource.associated_data ?? '',
      );
    } catch (error) {
      if (error instanceof AeadDecryptError) throw new Refusal(400, 'resource failed decryption');
      throw error;
    }
    let transaction;
    try {
      transaction = wechatPayTransactionSchema.parse(JSON.parse(plaintext));
    } catch {
      throw new Refusal(400, 'resource is not a transaction');
    }
    const outTradeNo = transaction.out_trade_no;
    if (transaction.mchid !== merchant.mchid || transaction.appid !== merchant.appid) {
      throw new Refusal(400, 'transaction of another merchant or app', outTradeNo);
    }
    const trade = toProviderTrade(transaction);
    if (!trade || trade.state !== 'SUCCESS') throw new Refusal(400, 'transaction is not a payment', outTradeNo);
    return trade;
  };

  return async (app) => {
    // A scope of its own: its raw-body parser and FAIL replies never touch the API's JSON parser and
    // error envelope, even when the caller registers this function with fastify-plugin.
    await app.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: BODY_LIMIT_BYTES }, (_request, body, done) =>
        done(null, body),
      );

      scope.setErrorHandler((error: FastifyError, request, reply) => {
        if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
          request.log.warn({ reason: error.code ?? error.message }, 'WeChat Pay notification refused');
          return fail(reply, error.statusCode, '请求无效');
        }
        request.log.error({ err: error }, 'WeChat Pay notification failed');
        return fail(reply, 500, '处理失败');
      });

      scope.post(WECHATPAY_NOTIFY_PATH, async (request, reply) => {
        const raw = typeof request.body === 'string' ? request.body : '';
        let trade;
        try {
          trade = readTrade(request.headers, raw);
        } catch (error) {
          if (!(error instanceof Refusal)) throw error;
          request.log.warn(
            { reason: error.reason, ...(error.outTradeNo ? { outTradeNo: error.outTradeNo } : {}) },
            'WeChat Pay notification refused',
          );
          return fail(reply, error.statusCode, error.statusCode === 401 ? '签名验证失败' : '通知无效');
        }
        const outcome = await onPaid(trade);
        const status = OUTCOME_STATUS[outcome];
        if (status === 204) return reply.code(204).send();
        request.log.warn({ reason: outcome, outTradeNo: trade.outTradeNo }, 'WeChat Pay notification refused');
        return fail(reply, status, outcome === 'unknown_order' ? '订单不存在' : '订单信息不一致');
      });
    });
  };
}
