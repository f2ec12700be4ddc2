import { paymentPasswordSchema } from '@cbc/shared';
import type { Kysely } from 'kysely';
import type { Clock } from '../../clock';
import type { Database } from '../../db/schema/index';
import { AppError, NotFoundError } from '../../errors/app-error';
import type { NotificationOutbox } from '../outbox';
import type { SimulatedPlatform } from '../platform';
import { closeIfExpired, findTrade, notPayable, settleTrade } from '../trades';
import type { AlipayPlatformKeys } from './keys';
import { alipayNotificationPayload, createAlipayNotificationFormat } from './notification';

/**
 * The payer's side of the simulated Alipay: the cashier sheet of my.tradePay. Any six digits are the
 * payment password; the practice switch decides what happens next.
 */

export interface AlipayCashierDeps {
  db: Kysely<Database>;
  clock: Clock;
  outbox: Pick<NotificationOutbox, 'enqueue'>;
  keys: AlipayPlatformKeys;
}

export function createAlipayCashier(deps: AlipayCashierDeps): SimulatedPlatform {
  const { db, clock, keys } = deps;

  const load = async (outTradeNo: string) => {
    const row = await findTrade(db, { provider: 'alipay', merchantId: keys.appId, outTradeNo });
    if (!row) throw new NotFoundError('ORDER_NOT_FOUND');
    return row;
  };

  return {
    provider: 'alipay',
    methods: ['alipay'],
    notificationFormat: createAlipayNotificationFormat(keys),

    async sheet(outTradeNo) {
      await load(outTradeNo);
      // Alipay pays from the balance or a linked card the app chooses: the sheet names no card, needs no code.
      return { payerCardMasked: null, otpRequired: false };
    },

    async pay(outTradeNo, outcome, credentials) {
      const now = clock();
      const row = await closeIfExpired(db, await load(outTradeNo), now);
      // A second tap on a paid order: it is paid, once.
      if (row.state === 'SUCCESS') return 'ok';
      const refusal = notPayable(row);
      if (refusal) throw refusal;
      // Under a standing agreement (免密支付) no password is asked.
      if (!credentials.agreement && !paymentPasswordSchema.safeParse(credentials.password).success) {
        throw new AppError('PAYMENT_PASSWORD_REQUIRED', 400, {}, 'password');
      }
      const settled = await settleTrade(deps, row, now, {
        outcome,
        transactionId: row.prepayId,
        payload: (successTime) => alipayNotificationPayload(row, row.prepayId, successTime),
      });
      if (!settled) {
        // Another tap moved it between our read and our update.
        const current = await closeIfExpired(db, await load(outTradeNo), clock());
        if (current.state === 'SUCCESS') return 'ok';
        throw notPayable(current) ?? new AppError('ORDER_NOT_PAYABLE', 409, { state: 'closed' });
      }
      return outcome === 'insufficient_funds' ? 'fail' : 'ok';
    },
  };
}
