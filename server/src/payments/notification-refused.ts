import type { FastifyBaseLogger, FastifyError } from 'fastify';
import type { PaymentNotificationOutcome } from './provider';

/**
 * A platform's notification the merchant does not accept. `statusCode` (4xx) is what the platform gets
 * back, and it sends the notification again later; the reason goes to the log only.
 */
export class NotificationRefused extends Error {
  constructor(
    readonly statusCode: number,
    reason: string,
  ) {
    super(reason);
    this.name = 'NotificationRefused';
  }
}

/**
 * The status a notification scope answers an error with (its own 4xx, else 500), logged as a refusal
 * (warn, with the reason) or as a failure (error, with the error): `${what} notification refused|failed`.
 */
export function notificationErrorStatus(error: FastifyError, log: FastifyBaseLogger, what: string): number {
  const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
  if (status >= 500) log.error({ err: error }, `${what} notification failed`);
  else log.warn({ reason: error.message, status }, `${what} notification refused`);
  return status;
}

/** The orders feature's answer to a verified payment: an unknown order (404) or one that does not match (409) is refused. */
export function refuseUnlessKnown(outcome: PaymentNotificationOutcome, outTradeNo: string): void {
  if (outcome === 'unknown_order') throw new NotificationRefused(404, `unknown order ${outTradeNo}`);
  if (outcome === 'mismatch') throw new NotificationRefused(409, `notification does not match order ${outTradeNo}`);
}
