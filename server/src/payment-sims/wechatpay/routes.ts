import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyError, FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/errors';
import type { Database, SimPaymentRow } from '../../db/schema/index';
import { V3Error, orderNotExist, paramError } from './errors';
import type { PlatformKeys } from './keys';
import { OUT_TRADE_NO, parsePrepayRequest, type PrepayRequest } from './prepay-request';
import { closeTrade, findTrade, insertTrade, setPrepayId } from './queries';
import { checkMerchantSignature, signError } from './request-auth';
import { transactionOf } from './transaction';
import { beijingDigits, signatureHeaders } from './wire';

/**
 * The simulated platform's v3 API at the root of this server's origin (shared/PAYMENTS.md §1): JSAPI
 * prepay, query and close. Every request is authenticated like the real platform does it, and every
 * reply, errors included, is signed with the platform key over the exact bytes sent, so a merchant
 * client (ours or an SDK) cannot tell it from the real one except by its base URL.
 */

export interface WechatPayRoutesDeps {
  keys: PlatformKeys;
  db: Kysely<Database>;
  clock: () => Date;
  /** Without time_expire an order stays payable this long (v3: 7 days), divided by the time scale. */
  defaultPayableMs: number;
}

const BODY_LIMIT_BYTES = 64 * 1024;

function sendJson(reply: FastifyReply, statusCode: number, body: unknown) {
  return reply.code(statusCode).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw paramError({ location: 'body', issue: 'body is not valid JSON' }, '请求体格式错误');
  }
}

function pathOutTradeNo(params: unknown): string {
  const value = (params as { no?: unknown }).no;
  if (typeof value !== 'string' || !OUT_TRADE_NO.test(value)) {
    throw paramError({
      field: 'out_trade_no',
      location: 'uri_template',
      issue: 'out_trade_no is 6–32 of [0-9A-Za-z_-*]',
    });
  }
  return value;
}

/** Same out_trade_no with the same parameters is a retry; the hash is what "same" means. */
function requestHash(request: PrepayRequest, expiresAt: Date | null): string {
  const canonical = [
    request.appid,
    request.mchid,
    request.description,
    request.out_trade_no,
    expiresAt?.toISOString() ?? null,
    request.attach ?? null,
    request.notify_url,
    request.amount.total,
    request.amount.currency ?? 'CNY',
    request.payer.openid,
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** `wx` + Beijing time to the second + 20 characters, 36 in all, like the platform's. */
const newPrepayId = (now: Date) => `wx${beijingDigits(now)}${randomBytes(10).toString('hex')}`;

export function wechatPayPlatformRoutes(deps: WechatPayRoutesDeps): FastifyPluginAsync {
  const { keys, db, clock } = deps;

  const prepay = async (request: PrepayRequest, now: Date): Promise<string> => {
    if (request.mchid !== keys.mchid) {
      throw new V3Error(400, 'INVALID_REQUEST', '商户号与请求签名的商户号不一致', {
        field: '/mchid',
        location: 'body',
      });
    }
    if (request.appid !== keys.appid) throw new V3Error(400, 'APPID_MCHID_NOT_MATCH', 'AppID和mch_id不匹配');
    const timeExpire = request.time_expire ? new Date(request.time_expire) : null;
    const hash = requestHash(request, timeExpire);
    const prepayId = newPrepayId(now);
    const existing = await findTrade(db, keys.mchid, request.out_trade_no);
    if (!existing) {
      if (timeExpire && timeExpire <= now) {
        throw paramError({ field: '/time_expire', location: 'body', issue: 'time_expire is in the past' });
      }
      try {
        await insertTrade(db, {
          id: randomUUID(),
          provider: 'wechatpay',
          merchantId: keys.mchid,
          outTradeNo: request.out_trade_no,
          requestHash: hash,
          description: request.description,
          amountMinor: request.amount.total,
          currency: request.amount.currency ?? 'CNY',
          notifyUrl: request.notify_url,
          payer: request.payer.openid,
          prepayId,
          state: 'NOTPAY',
          stateDesc: null,
          transactionId: null,
          successTime: null,
          expiresAt: (timeExpire ?? new Date(now.getTime() + deps.defaultPayableMs)).toISOString(),
          attach: request.attach ?? null,
          otpHash: null,
          otpExpiresAt: null,
          otpSentAt: null,
          otpAttempts: 0,
          createdAt: now.toISOString(),
        });
        return prepayId;
      } catch (error) {
        // Two identical prepays at once: the second is a retry of the first.
        if (!isUniqueViolation(error)) throw error;
        return prepay(request, now);
      }
    }
    if (existing.requestHash !== hash) throw new V3Error(403, 'OUT_TRADE_NO_USED', '商户订单号重复');
    if (existing.state === 'SUCCESS') throw new V3Error(403, 'TRADE_ERROR', '该订单已支付');
    if (existing.state === 'CLOSED') throw new V3Error(400, 'ORDER_CLOSED', '订单已关闭');
    if (existing.expiresAt !== null && existing.expiresAt <= now.toISOString()) {
      throw new V3Error(400, 'ORDER_CLOSED', '订单已过期');
    }
    await setPrepayId(db, existing.id, prepayId);
    return prepayId;
  };

  const mustFind = async (outTradeNo: string): Promise<SimPaymentRow> => {
    const row = await findTrade(db, keys.mchid, outTradeNo);
    if (!row) throw orderNotExist();
    return row;
  };

  const sameMerchant = (mchid: unknown, location: 'query' | 'body') => {
    if (typeof mchid !== 'string' || mchid === '') {
      throw paramError({ field: location === 'query' ? 'mchid' : '/mchid', location, issue: 'mchid is required' });
    }
    if (mchid !== keys.mchid) throw new V3Error(400, 'INVALID_REQUEST', '商户号与请求签名的商户号不一致');
  };

  return async (app) => {
    // Its own scope: raw-body parsing, merchant authentication, v3 errors and reply signing stay here.
    await app.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: BODY_LIMIT_BYTES }, (_request, body, done) =>
        done(null, body),
      );

      scope.addHook('preHandler', async (request) => {
        const failure = checkMerchantSignature(
          { mchid: keys.mchid, serialNo: keys.merchantSerialNo, publicKey: keys.merchantPublicKey },
          {
            method: request.method,
            url: request.url,
            authorization: request.headers.authorization,
            body: typeof request.body === 'string' ? request.body : '',
          },
          clock(),
        );
        if (failure) {
          request.log.warn({ reason: failure }, 'simulated WeChat Pay refused a request signature');
          throw signError(failure);
        }
      });

      // Signs what is actually sent, after serialisation: replies and errors alike.
      scope.addHook('onSend', async (_request, reply, payload) => {
        const body =
          reply.statusCode === 204 || payload === null || payload === undefined
            ? ''
            : typeof payload === 'string'
              ? payload
              : Buffer.isBuffer(payload)
                ? payload.toString('utf8')
                : null;
        if (body === null) throw new Error('simulated WeChat Pay cannot sign a streamed reply');
        reply.headers({
          ...(await signatureHeaders(keys.privateKey, keys.publicKeyId, body, clock())),
          'request-id': randomBytes(16).toString('hex').toUpperCase(),
        });
        return payload;
      });

      scope.setErrorHandler((error: FastifyError | V3Error, request, reply) => {
        if (error instanceof V3Error) return sendJson(reply, error.statusCode, error);
        if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
          return sendJson(reply, 400, new V3Error(400, 'INVALID_REQUEST', 'HTTP 请求不符合微信支付 APIv3 接口规则'));
        }
        request.log.error({ err: error }, 'simulated WeChat Pay failed');
        return sendJson(reply, 500, new V3Error(500, 'SYSTEM_ERROR', '系统异常，请稍后重试'));
      });

      scope.post('/v3/pay/transactions/jsapi', async (request, reply) => {
        const parsed = parsePrepayRequest(parseJson(typeof request.body === 'string' ? request.body : ''));
        if (parsed instanceof V3Error) throw parsed;
        return sendJson(reply, 200, { prepay_id: await prepay(parsed, clock()) });
      });

      scope.get('/v3/pay/transactions/out-trade-no/:no', async (request, reply) => {
        const outTradeNo = pathOutTradeNo(request.params);
        sameMerchant((request.query as { mchid?: unknown }).mchid, 'query');
        return sendJson(reply, 200, transactionOf(await mustFind(outTradeNo), keys.appid));
      });

      scope.post('/v3/pay/transactions/out-trade-no/:no/close', async (request, reply) => {
        const outTradeNo = pathOutTradeNo(request.params);
        const body = parseJson(typeof request.body === 'string' ? request.body : '');
        sameMerchant((body as { mchid?: unknown } | null)?.mchid, 'body');
        const row = await mustFind(outTradeNo);
        if (!(await closeTrade(db, row.id))) {
          const current = await mustFind(outTradeNo);
          // v3 lists no code of its own for "already paid" on close; TRADE_ERROR is its business refusal.
          if (current.state === 'SUCCESS') throw new V3Error(403, 'TRADE_ERROR', '订单已支付，不能关闭');
        }
        // Closing a closed order again changes nothing and answers the same.
        return reply.code(204).send();
      });
    });
  };
}
