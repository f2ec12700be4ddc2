import { decimalToMinor } from '@cbc/shared';
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import { verifyMessage } from '../../security/rsa-signature';
import { NotificationRefused, notificationErrorStatus, refuseUnlessKnown } from '../notification-refused';
import type { PaymentNotificationHandler, ProviderTrade } from '../provider';
import type { AlipayMerchant } from './keys';
import { NOTIFY_UNSIGNED, parseBeijingTime, signContent, type AlipayParams } from './protocol';

/**
 * POST /api/v1/payments/alipay/notify: Alipay's asynchronous payment notification. Alipay reads only the
 * reply body: `success` stops its retries, anything else (here `fail`, with a 4xx/5xx for the log)
 * makes it send again. So this scope has its own form parser and error handler, never the API's JSON
 * envelope, and answers without a login.
 * Facts: shared/PAYMENTS.md §8.
 */
export const ALIPAY_NOTIFY_PATH = '/api/v1/payments/alipay/notify';

export interface AlipayNotifyOptions {
  merchant: Pick<AlipayMerchant, 'appId' | 'platformPublicKey'>;
  onPaid: PaymentNotificationHandler;
}

/** Notifications are a few hundred bytes; anything this large is not one. */
const BODY_LIMIT = 16 * 1024;

/** The body as sent: every name=value pair in order, duplicates kept, values decoded but nothing coerced. */
interface FormBody {
  pairs: Array<[string, string]>;
}

/** One value per name: a repeated name would let the signed value and the used value differ. */
function singleValued(pairs: Array<[string, string]>): AlipayParams {
  const params: AlipayParams = {};
  for (const [name, value] of pairs) {
    if (Object.hasOwn(params, name)) throw new NotificationRefused(400, `parameter ${name} repeated`);
    params[name] = value;
  }
  return params;
}

/** The signature first: nothing in an unverified notification is looked at, not even the app_id. */
function verified(body: unknown, merchant: AlipayNotifyOptions['merchant']): AlipayParams {
  const pairs = (body as FormBody | undefined)?.pairs;
  if (!pairs) throw new NotificationRefused(400, 'no form body');
  const params = singleValued(pairs);
  if (params.sign_type !== 'RSA2' || !params.sign) throw new NotificationRefused(401, 'not RSA2-signed');
  if (!verifyMessage(signContent(params, NOTIFY_UNSIGNED), params.sign, merchant.platformPublicKey)) {
    throw new NotificationRefused(401, 'signature does not verify');
  }
  return params;
}

function paidTrade(params: AlipayParams): ProviderTrade {
  const amountMinor = decimalToMinor(params.total_amount ?? '');
  const paidAt = parseBeijingTime(params.gmt_payment ?? '');
  if (!params.out_trade_no || !params.trade_no || amountMinor === undefined || !paidAt) {
    throw new NotificationRefused(400, 'incomplete trade');
  }
  return {
    outTradeNo: params.out_trade_no,
    state: 'SUCCESS',
    transactionId: params.trade_no,
    amountMinor,
    currency: 'CNY',
    paidAt: paidAt.toISOString(),
  };
}

export function alipayNotifyRoutes(options: AlipayNotifyOptions): FastifyPluginAsync {
  const { merchant, onPaid } = options;
  return async (app) => {
    // Only Alipay's form posts are read here; any other body is refused before the handler.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: BODY_LIMIT },
      (_request, body, done) => done(null, { pairs: [...new URLSearchParams(body as string)] } satisfies FormBody),
    );

    app.setErrorHandler((error: FastifyError, request, reply) => {
      const status = notificationErrorStatus(error, request.log, 'alipay');
      return reply.code(status).type('text/plain; charset=utf-8').send('fail');
    });

    app.post(ALIPAY_NOTIFY_PATH, async (request, reply) => {
      const params = verified(request.body, merchant);
      if (params.app_id !== merchant.appId) throw new NotificationRefused(400, 'notification for another app_id');
      if (params.notify_type !== 'trade_status_sync')
        throw new NotificationRefused(400, `notify_type ${params.notify_type}`);
      const status = params.trade_status;
      if (status === 'WAIT_BUYER_PAY' || status === 'TRADE_CLOSED') {
        // Genuine, but nothing was paid: acknowledged so Alipay stops, the order is left to the query.
        request.log.info({ outTradeNo: params.out_trade_no, status }, 'alipay notification without payment');
        return reply.type('text/plain; charset=utf-8').send('success');
      }
      if (status !== 'TRADE_SUCCESS' && status !== 'TRADE_FINISHED')
        throw new NotificationRefused(400, `trade_status ${status}`);

      const trade = paidTrade(params);
      refuseUnlessKnown(await onPaid(trade), trade.outTradeNo);
      return reply.type('text/plain; charset=utf-8').send('success');
    });
  };
}
