import { z } from 'zod';
import { PHONE_REGIONS, passwordSchema, phoneInputSchema, smsCodeSchema } from '../validation/index';
import { errorEnvelopeSchema } from './errors';
import { defineEndpoints } from './endpoint';

/**
 * Simulated SMS and the inbox are per device until the user logs in: the miniapp sends a random id it
 * keeps in storage, so a user registering can read the code that was "sent to their phone".
 */
export const DEVICE_ID_HEADER = 'x-device-id';
export const deviceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export const SMS_CODE_TTL_SECONDS = 5 * 60;
export const SMS_CODE_MAX_ATTEMPTS = 5;
export const SMS_RESEND_AFTER_SECONDS = 60;
export const WECHAT_CODE_TTL_SECONDS = 5 * 60;

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
] as const;
export const messageKindSchema = z.enum(MESSAGE_KINDS);
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export const MESSAGE_CHANNELS = ['sms', 'email', 'app'] as const;

export const messageSchema = z
  .object({
    id: z.string(),
    kind: messageKindSchema,
    channel: z.enum(MESSAGE_CHANNELS),
    /** Masked recipient, e.g. `+86 138****8000`. */
    to: z.string(),
    title: z.string(),
    body: z.string(),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Message' });
export type Message = z.infer<typeof messageSchema>;

export const userSchema = z
  .object({
    id: z.string(),
    /** The user's own number in E.164, or null for a WeChat-only account. */
    phone: z.string().nullable(),
    phoneRegion: z.enum(PHONE_REGIONS).nullable(),
    email: z.string().nullable(),
    wechatLinked: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export const sessionSchema = z
  .object({
    token: z.string(),
    expiresAt: z.iso.datetime(),
    user: userSchema,
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof sessionSchema>;

export const smsCodeRequestSchema = z.strictObject({
  phone: phoneInputSchema,
  purpose: z.enum(['register']),
});
export type SmsCodeRequest = z.infer<typeof smsCodeRequestSchema>;

export const smsCodeReplySchema = z
  .object({
    expiresAt: z.iso.datetime(),
    resendAfterSeconds: z.number().int().nonnegative(),
    /** The simulated SMS as it lands in the inbox; the app shows it as a banner too. */
    message: messageSchema,
  })
  .meta({ id: 'SmsCodeReply' });
export type SmsCodeReply = z.infer<typeof smsCodeReplySchema>;

export const registerRequestSchema = z.strictObject({
  phone: phoneInputSchema,
  email: z.email().max(254).optional(),
  password: passwordSchema,
  smsCode: smsCodeSchema,
});
export type RegisterRequest = z.infer<typeof registerRequestSchema>;

export const loginRequestSchema = z.strictObject({
  phone: phoneInputSchema,
  password: z.string().min(1).max(128),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const wechatLoginRequestSchema = z.strictObject({
  /** What `wx.login()` returns; in the browser build, a code from the simulated WeChat. */
  code: z.string().regex(/^[A-Za-z0-9._-]{8,160}$/),
});
export type WechatLoginRequest = z.infer<typeof wechatLoginRequestSchema>;

export const wechatLoginReplySchema = sessionSchema.extend({ created: z.boolean() }).meta({ id: 'WechatSession' });

export const messageListSchema = z
  .object({ messages: z.array(messageSchema), unreadCount: z.number().int().nonnegative() })
  .meta({ id: 'MessageList' });
export type MessageList = z.infer<typeof messageListSchema>;

export const markReadRequestSchema = z.strictObject({ ids: z.array(z.string().max(64)).min(1).max(100) });

const errors = { 400: errorEnvelopeSchema, 429: errorEnvelopeSchema };

export const authEndpoints = defineEndpoints({
  requestSmsCode: {
    method: 'POST',
    path: '/api/v1/auth/sms-code',
    summary: 'Send a 6-digit verification code by simulated SMS (inbox + banner)',
    tags: ['auth'],
    body: smsCodeRequestSchema,
    responses: { 200: smsCodeReplySchema, 409: errorEnvelopeSchema, ...errors },
  },
  register: {
    method: 'POST',
    path: '/api/v1/auth/register',
    summary: 'Register with phone, optional e-mail, password and SMS code; links a WeChat-only account when logged in',
    tags: ['auth'],
    auth: 'optional',
    body: registerRequestSchema,
    responses: { 201: sessionSchema, 409: errorEnvelopeSchema, ...errors },
  },
  login: {
    method: 'POST',
    path: '/api/v1/auth/login',
    summary: 'Log in with phone and password',
    tags: ['auth'],
    body: loginRequestSchema,
    responses: { 200: sessionSchema, 401: errorEnvelopeSchema, ...errors },
  },
  wechatLogin: {
    method: 'POST',
    path: '/api/v1/auth/wechat',
    summary: 'Log in with WeChat: a simulated code2Session exchange',
    tags: ['auth'],
    body: wechatLoginRequestSchema,
    responses: { 200: wechatLoginReplySchema, ...errors },
  },
  logout: {
    method: 'POST',
    path: '/api/v1/auth/logout',
    summary: 'Revoke the current session',
    tags: ['auth'],
    auth: 'required',
    responses: { 204: z.null(), 401: errorEnvelopeSchema },
  },
  me: {
    method: 'GET',
    path: '/api/v1/me',
    summary: 'The logged-in user',
    tags: ['auth'],
    auth: 'required',
    responses: { 200: userSchema, 401: errorEnvelopeSchema },
  },
  listMessages: {
    method: 'GET',
    path: '/api/v1/messages',
    summary: 'Inbox: simulated SMS and notices, newest first',
    tags: ['messages'],
    auth: 'optional',
    responses: { 200: messageListSchema, 400: errorEnvelopeSchema, 401: errorEnvelopeSchema },
  },
  markMessagesRead: {
    method: 'POST',
    path: '/api/v1/messages/read',
    summary: 'Mark inbox messages as read',
    tags: ['messages'],
    auth: 'optional',
    body: markReadRequestSchema,
    responses: { 200: messageListSchema, 400: errorEnvelopeSchema, 401: errorEnvelopeSchema },
  },
});
