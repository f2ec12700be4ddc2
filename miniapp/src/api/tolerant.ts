import {
  errorCodeSchema,
  MESSAGE_CHANNELS,
  MESSAGE_KINDS,
  messageListSchema,
  messageSchema,
  smsCodeReplySchema,
  type ErrorCode,
  type MessageKind,
} from '@cbc/shared';
import { z } from 'zod';

/**
 * An installed mini-program is often older than the server it talks to. Where the server may grow a
 * list of values (a new kind of inbox message, a new error code), the app parses that one field
 * tolerantly and shows a generic fallback, instead of refusing the whole reply. The shared contract
 * stays strict: the server still validates and documents exactly the values it knows.
 */

/** A message kind this version knows, else `unknown` (shown as a plain notice). */
export type ClientMessageKind = MessageKind | 'unknown';

const clientMessageKindSchema = z
  .string()
  .transform((kind): ClientMessageKind =>
    (MESSAGE_KINDS as readonly string[]).includes(kind) ? (kind as MessageKind) : 'unknown',
  );

type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** A channel this version cannot label is shown as a plain notice (`app`). */
const clientMessageChannelSchema = z
  .string()
  .transform((channel): MessageChannel =>
    (MESSAGE_CHANNELS as readonly string[]).includes(channel) ? (channel as MessageChannel) : 'app',
  );

export const clientMessageSchema = messageSchema.extend({
  kind: clientMessageKindSchema,
  channel: clientMessageChannelSchema,
});
export type ClientMessage = z.output<typeof clientMessageSchema>;

/** Reply schemas the client parses more leniently than the contract, by endpoint and status. */
export const TOLERANT_REPLIES = {
  listMessages: { 200: messageListSchema.extend({ messages: z.array(clientMessageSchema) }) },
  requestSmsCode: { 200: smsCodeReplySchema.extend({ message: clientMessageSchema }) },
} as const;
export type TolerantReplies = typeof TOLERANT_REPLIES;

/** The error envelope with any code: a code this version does not know still carries a localized message. */
export const clientErrorEnvelopeSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});

export function knownErrorCode(code: string): ErrorCode | undefined {
  const parsed = errorCodeSchema.safeParse(code);
  return parsed.success ? parsed.data : undefined;
}
