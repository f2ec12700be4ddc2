import {
  MESSAGE_CHANNELS,
  MESSAGE_KINDS,
  messageListSchema,
  messageSchema,
  smsCodeReplySchema,
  type Endpoint,
  type MessageKind,
} from '@cbc/shared';
import { z } from 'zod';

// The tolerant readings of whole replies (see tolerant.ts). Kept apart from the error envelope, which
// every call needs: these build the message schemas, which only the pages that show messages need.

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

/** The success and error schemas the client reads an endpoint's replies with, by status. */
export type ReplySchemas = Readonly<Record<number, z.ZodType>>;

/** Each endpoint's reply schemas: the contract's, with TOLERANT_REPLIES in place where it has one. */
export function readableReplies(endpoints: Readonly<Record<string, Endpoint>>): Record<string, ReplySchemas> {
  const tolerant: Partial<Record<string, ReplySchemas>> = TOLERANT_REPLIES;
  return Object.fromEntries(
    Object.entries(endpoints).map(([name, endpoint]) => [name, { ...endpoint.responses, ...tolerant[name] }]),
  );
}
