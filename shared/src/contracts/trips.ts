import { z } from 'zod';
import { moneySchema } from '../money/money';
import { paymentMethodSchema } from '../topup/rules';
import { errorEnvelopeSchema } from './errors';
import { defineEndpoints } from './endpoint';
import { routes } from './routes';

/** Simulated toll trips paid from the balance, and the low-balance reminder. */

export const tripRequestSchema = z.strictObject({ segmentId: z.string().min(1).max(40) });

export const tripReplySchema = z
  .object({
    trip: z.object({
      id: z.uuid(),
      segmentId: z.string(),
      segmentName: z.string(),
      fee: moneySchema,
      receiptNo: z.string(),
      /** The trip's ledger entry: its receipt is `GET /transactions/:transactionId`. */
      transactionId: z.uuid(),
      createdAt: z.iso.datetime(),
    }),
    balance: moneySchema,
    /** True when this trip took the balance under the reminder threshold and a reminder was sent. */
    reminderSent: z.boolean(),
  })
  .meta({ id: 'TripReply' });
export type TripReply = z.infer<typeof tripReplySchema>;

/** What the user answered to WeChat's subscription-message request (recorded; the sending is simulated). */
export const SUBSCRIBE_ANSWERS = ['accept', 'reject', 'ban', 'unsupported'] as const;

export const reminderRequestSchema = z.strictObject({
  /** Remind when the balance goes under this (minor units); null turns the reminder off. */
  thresholdMinor: z.number().int().min(0).max(100_000_000).nullable(),
  subscribe: z.enum(SUBSCRIBE_ANSWERS).optional(),
});
export type ReminderRequest = z.infer<typeof reminderRequestSchema>;

export const reminderSchema = z
  .object({
    cardId: z.uuid(),
    threshold: moneySchema.nullable(),
    /** The balance is under the threshold now. */
    below: z.boolean(),
    subscribe: z.enum(SUBSCRIBE_ANSWERS).nullable(),
  })
  .meta({ id: 'Reminder' });
export type Reminder = z.infer<typeof reminderSchema>;

/**
 * Auto top-up (like Octopus's Automatic Add Value): when a trip leaves the balance under the reminder
 * threshold, one top-up of the chosen preset on the chosen method, at most once a day (UTC+8). Turning
 * it on needs an amount and a method; turning it off may leave them out (the last ones are kept).
 */
export const autoTopupRequestSchema = z.discriminatedUnion('enabled', [
  z.strictObject({
    enabled: z.literal(true),
    /** One of the card type's preset amounts (TOPUP_RULES), minor units. */
    amountMinor: z.number().int().positive().max(1_000_000_000),
    /** One of the card type's payment methods. */
    method: paymentMethodSchema,
  }),
  z.strictObject({
    enabled: z.literal(false),
    amountMinor: z.number().int().positive().max(1_000_000_000).optional(),
    method: paymentMethodSchema.optional(),
  }),
]);
export type AutoTopupRequest = z.infer<typeof autoTopupRequestSchema>;

export const autoTopupSchema = z
  .object({
    cardId: z.uuid(),
    enabled: z.boolean(),
    amount: moneySchema.nullable(),
    method: paymentMethodSchema.nullable(),
    /** The UTC+8 day of the last auto top-up (made or refused): at most one a day. */
    lastRunDay: z.iso.date().nullable(),
  })
  .meta({ id: 'AutoTopup' });
export type AutoTopup = z.infer<typeof autoTopupSchema>;

const cardParams = z.object({ id: z.uuid() });
const errors = { 400: errorEnvelopeSchema, 401: errorEnvelopeSchema, 404: errorEnvelopeSchema };

export const tripEndpoints = defineEndpoints({
  createTrip: {
    ...routes.createTrip,
    summary: 'Simulate a toll trip on a sample segment, paid from the balance (declined when it is too low)',
    tags: ['trips'],
    params: cardParams,
    body: tripRequestSchema,
    responses: { 201: tripReplySchema, 409: errorEnvelopeSchema, ...errors },
  },
  getReminder: {
    ...routes.getReminder,
    summary: "A card's low-balance reminder",
    tags: ['trips'],
    params: cardParams,
    responses: { 200: reminderSchema, ...errors },
  },
  setReminder: {
    ...routes.setReminder,
    summary: 'Set (or clear) the low-balance reminder threshold; records the WeChat subscription answer',
    tags: ['trips'],
    params: cardParams,
    body: reminderRequestSchema,
    responses: { 200: reminderSchema, ...errors },
  },
  getAutoTopup: {
    ...routes.getAutoTopup,
    summary: "A card's auto top-up (off by default)",
    tags: ['trips'],
    params: cardParams,
    responses: { 200: autoTopupSchema, ...errors },
  },
  setAutoTopup: {
    ...routes.setAutoTopup,
    summary: 'Turn auto top-up on (a preset amount and a method of the card type) or off',
    tags: ['trips'],
    params: cardParams,
    body: autoTopupRequestSchema,
    responses: { 200: autoTopupSchema, ...errors },
  },
});
