import { z } from 'zod';
import { cardIdSchema } from '../cards/cards';
import { languageSchema } from '../i18n/languages';
import { moneySchema } from '../money/money';
import { paymentMethodSchema } from '../topup/rules';
import { errorCodeSchema, errorEnvelopeSchema } from './errors';
import { defineEndpoints } from './endpoint';
import { routes } from './routes';

/**
 * The inbox: simulated SMS, e-mails and in-app notices. Each message is stored as a language-neutral
 * notice (its kind and parameters: ids, Money, ISO times) and rendered in the reader's language when
 * the inbox is read; what was "sent" (the SMS or e-mail text, in the language of that moment) is kept
 * beside it.
 */

export const MESSAGE_KINDS = [
  'sms_code',
  'welcome',
  'card_bound',
  'card_unbound',
  'topup_sms',
  'topup_email',
  'payment_code',
  'trip_receipt',
  'low_balance',
  'auto_topup',
  'reset_code',
  'reset_no_account',
  'password_reset',
] as const;
export const messageKindSchema = z.enum(MESSAGE_KINDS);
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export const MESSAGE_CHANNELS = ['sms', 'email', 'app'] as const;

/** What went out over the (simulated) SMS or e-mail, word for word, in the language it was sent in. */
export const sentTextSchema = z.object({ lang: languageSchema, title: z.string(), body: z.string() });

export const messageSchema = z
  .object({
    id: z.string(),
    kind: messageKindSchema,
    channel: z.enum(MESSAGE_CHANNELS),
    /** Masked recipient, e.g. `+86 138****8000`. */
    to: z.string(),
    /** In the language of the request that reads it (for messages stored before 2026-12, as stored). */
    title: z.string(),
    body: z.string(),
    /**
     * The text as sent, for an SMS or e-mail; null for an in-app notice (nothing left the app) and for
     * messages stored before notices were kept language-neutral (their `body` is that text).
     */
    sent: sentTextSchema.nullable(),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Message' });
export type Message = z.infer<typeof messageSchema>;

export const messageListSchema = z
  .object({ messages: z.array(messageSchema), unreadCount: z.number().int().nonnegative() })
  .meta({ id: 'MessageList' });
export type MessageList = z.infer<typeof messageListSchema>;

export const markReadRequestSchema = z.strictObject({ ids: z.array(z.string().max(64)).min(1).max(100) });

// Notices: the language-neutral content of a message, stored as JSON and rendered per reader
// (shared/src/i18n/notification-messages.ts). Nothing in them is text in a language.

const instant = z.iso.datetime();
const cardRef = { cardType: cardIdSchema, number: z.string() };
const code = { code: z.string(), minutes: z.number().int().positive() };
const receipt = {
  ...cardRef,
  at: instant,
  amount: moneySchema,
  bonus: moneySchema,
  total: moneySchema,
  balance: moneySchema,
  method: paymentMethodSchema,
  receiptNo: z.string(),
  outTradeNo: z.string(),
  transactionId: z.string(),
};

/** Why an automatic top-up was refused: an error code and its (language-neutral) parameters. */
export const noticeReasonSchema = z.object({
  code: errorCodeSchema,
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const noticeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sms_code'), ...code }),
  z.object({ kind: z.literal('reset_code'), ...code }),
  z.object({ kind: z.literal('reset_no_account') }),
  z.object({ kind: z.literal('password_reset'), at: instant }),
  z.object({ kind: z.literal('welcome') }),
  z.object({ kind: z.literal('card_bound'), ...cardRef }),
  z.object({ kind: z.literal('card_unbound'), ...cardRef }),
  z.object({ kind: z.literal('topup_sms'), ...receipt }),
  z.object({ kind: z.literal('topup_email'), ...receipt }),
  z.object({ kind: z.literal('payment_code'), amount: moneySchema, ...code }),
  z.object({
    kind: z.literal('trip_receipt'),
    ...cardRef,
    at: instant,
    /** Null for a trip whose ledger entry names no segment. */
    segmentId: z.string().nullable(),
    fee: moneySchema,
    balance: moneySchema,
    receiptNo: z.string(),
  }),
  z.object({ kind: z.literal('low_balance'), ...cardRef, balance: moneySchema, threshold: moneySchema }),
  z.object({
    kind: z.literal('auto_topup'),
    ...cardRef,
    balance: moneySchema,
    threshold: moneySchema,
    amount: moneySchema,
    method: paymentMethodSchema,
    /** Absent: the order went out; present: why it could not be made. */
    refusal: noticeReasonSchema.optional(),
  }),
]);
export type Notice = z.infer<typeof noticeSchema>;
export type NoticeOf<K extends MessageKind> = Extract<Notice, { kind: K }>;

export const messageEndpoints = defineEndpoints({
  listMessages: {
    ...routes.listMessages,
    summary: 'Inbox: simulated SMS and notices, newest first, in the language of the request',
    tags: ['messages'],
    responses: { 200: messageListSchema, 400: errorEnvelopeSchema, 401: errorEnvelopeSchema },
  },
  markMessagesRead: {
    ...routes.markMessagesRead,
    summary: 'Mark inbox messages as read',
    tags: ['messages'],
    body: markReadRequestSchema,
    responses: { 200: messageListSchema, 400: errorEnvelopeSchema, 401: errorEnvelopeSchema },
  },
});
