import type { FastifyError, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Clock } from '../../clock';
import { isFresh, signedMessage, verifyMessage } from '../../security/rsa-signature';
import { NotificationRefused, notificationErrorStatus, refuseUnlessKnown } from '../notification-refused';
import type { PaymentNotificationHandler, ProviderTrade } from '../provider';
import type { BankcardMerchant } from './keys';
import { BANK_HEADERS, bankNotificationSchema } from './protocol';

/**
 * POST /api/v1/payments/bankcard/notify: the simulated card acquirer's payment notification. The bank
 * reads only the status: 2xx received, anything else is sent again later. The signature and its
 * five-minute window are checked on the raw bytes before the body is even parsed; this scope has its
 * own raw-body parser and error handler (never the API's envelope) and needs no login.
 */
export const BANKCARD_NOTIFY_PATH = '/api/v1/payments/bankcard/notify';

export interface BankcardNotifyOptions {
  merchant: Pick<BankcardMerchant, 'merchantId' | 'platformPublicKey'>;
  clock: Clock;
  onPaid: PaymentNotificationHandler;
}

const BODY_LIMIT = 16 * 1024;
const FAIL = { code: 'FAIL', message: '失败' } as const;

const header = (request: FastifyRequest, name: string) => {
  // Node lower-cases incoming header names.
  const value = request.headers[name.toLowerCase()];
  return typeof value === 'string' ? value : '';
};

function verifiedBody(request: FastifyRequest, options: BankcardNotifyOptions): string {
  const raw = typeof request.body === 'string' ? request.body : '';
  const timestamp = header(request, BANK_HEADERS.timestamp);
  const nonce = header(request, BANK_HEADERS.nonce);
  const signature = header(request, BANK_HEADERS.signature);
  if (!timestamp || !nonce || !signature) throw new NotificationRefused(401, 'unsigned');
  if (!isFresh(timestamp, options.clock())) throw new NotificationRefused(401, 'timestamp outside the window');
  const message = signedMessage([timestamp, nonce, raw]);
  if (!verifyMessage(message, signature, options.merchant.platformPublicKey)) {
    throw new NotificationRefused(401, 'signature does not verify');
  }
  return raw;
}

function paidTrade(raw: string, merchantId: string): ProviderTrade {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new NotificationRefused(400, 'body is not JSON');
  }
  const parsed = bankNotificationSchema.safeParse(json);
  if (!parsed.success) throw new NotificationRefused(400, 'not a payment notification');
  const event = parsed.data;
  if (event.merchantId !== merchantId) throw new NotificationRefused(400, 'notification for another merchant');
  return {
    outTradeNo: event.outTradeNo,
    state: 'SUCCESS',
    transactionId: event.transactionId,
    amountMinor: event.amount.total,
    currency: event.amount.currency,
    paidAt: event.successTime,
  };
}

export function bankcardNotifyRoutes(options: BankcardNotifyOptions): FastifyPluginAsync {
  return async (app) => {
    // The body stays the exact bytes received: the signature covers them, not a re-serialised object.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_request, body, done) =>
      done(null, body),
    );

    app.setErrorHandler((error: FastifyError, request, reply) => {
      const status = notificationErrorStatus(error, request.log, 'bank-card');
      return reply.code(status).send(FAIL);
    });

    app.post(BANKCARD_NOTIFY_PATH, async (request, reply) => {
      const trade = paidTrade(verifiedBody(request, options), options.merchant.merchantId);
      refuseUnlessKnown(await options.onPaid(trade), trade.outTradeNo);
      return reply.code(204).send();
    });
  };
}
