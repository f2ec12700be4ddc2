import { z } from 'zod';
import { passwordSchema, phoneInputSchema, smsCodeSchema } from '../validation/index';
import { errorEnvelopeSchema } from './errors';
import { defineEndpoints } from './endpoint';
import { routes } from './routes';
import { messageSchema } from './messages';
import { sessionSchema, userSchema } from './session';

export const SMS_CODE_TTL_SECONDS = 5 * 60;
export const SMS_CODE_MAX_ATTEMPTS = 5;
export const SMS_RESEND_AFTER_SECONDS = 60;
export const WECHAT_CODE_TTL_SECONDS = 5 * 60;

export const SMS_CODE_PURPOSES = ['register', 'reset_password'] as const;
export type SmsCodePurpose = (typeof SMS_CODE_PURPOSES)[number];

export const smsCodeRequestSchema = z.strictObject({
  phone: phoneInputSchema,
  /** `register`: for a phone with no account; `reset_password`: to choose a new password (忘记密码). */
  purpose: z.enum(SMS_CODE_PURPOSES),
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

/** 忘记密码: the code sent for `reset_password` and a new password under the rules of registration. */
export const passwordResetRequestSchema = z.strictObject({
  phone: phoneInputSchema,
  smsCode: smsCodeSchema,
  password: passwordSchema,
});
export type PasswordResetRequest = z.infer<typeof passwordResetRequestSchema>;

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

const errors = { 400: errorEnvelopeSchema, 429: errorEnvelopeSchema };

export const authEndpoints = defineEndpoints({
  requestSmsCode: {
    ...routes.requestSmsCode,
    summary: 'Send a 6-digit verification code by simulated SMS (inbox + banner), to register or to reset the password',
    tags: ['auth'],
    body: smsCodeRequestSchema,
    responses: { 200: smsCodeReplySchema, 409: errorEnvelopeSchema, ...errors },
  },
  register: {
    ...routes.register,
    summary: 'Register with phone, optional e-mail, password and SMS code; links a WeChat-only account when logged in',
    tags: ['auth'],
    body: registerRequestSchema,
    responses: { 201: sessionSchema, 409: errorEnvelopeSchema, ...errors },
  },
  resetPassword: {
    ...routes.resetPassword,
    summary:
      'Choose a new password with a `reset_password` SMS code; ends every session of the account and logs this device in',
    tags: ['auth'],
    body: passwordResetRequestSchema,
    responses: { 200: sessionSchema, ...errors },
  },
  login: {
    ...routes.login,
    summary: 'Log in with phone and password',
    tags: ['auth'],
    body: loginRequestSchema,
    responses: { 200: sessionSchema, 401: errorEnvelopeSchema, ...errors },
  },
  wechatLogin: {
    ...routes.wechatLogin,
    summary: 'Log in with WeChat: a simulated code2Session exchange',
    tags: ['auth'],
    body: wechatLoginRequestSchema,
    responses: { 200: wechatLoginReplySchema, ...errors },
  },
  logout: {
    ...routes.logout,
    summary: 'Revoke the current session',
    tags: ['auth'],
    responses: { 204: z.null(), 401: errorEnvelopeSchema },
  },
  me: {
    ...routes.me,
    summary: 'The logged-in user',
    tags: ['auth'],
    responses: { 200: userSchema, 401: errorEnvelopeSchema },
  },
});
