import { z } from 'zod';

/** Stable error codes. Clients branch on these, never on messages. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'BAD_REQUEST',
  'HEADERS_TOO_LARGE',
  'REQUEST_TIMEOUT',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'GUIDE_NOT_FOUND',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'INVALID_CREDENTIALS',
  'LOGIN_LOCKED',
  'PHONE_ALREADY_REGISTERED',
  'ACCOUNT_HAS_PHONE',
  'SMS_CODE_INVALID',
  'SMS_CODE_NOT_REQUESTED',
  'SMS_CODE_EXPIRED',
  'SMS_CODE_LOCKED',
  'SMS_CODE_TOO_SOON',
  'WECHAT_CODE_INVALID',
  'WECHAT_CODE_EXPIRED',
  'WECHAT_CODE_USED',
  'DEVICE_ID_REQUIRED',
  'CARD_NOT_FOUND',
  'CARD_ALREADY_BOUND',
  'CARD_BOUND_ELSEWHERE',
  'CARD_LIMIT_REACHED',
  'PHOTO_MISSING',
  'PHOTO_TOO_MANY',
  'PHOTO_TOO_LARGE',
  'PHOTO_NOT_IMAGE',
  'CARD_NOT_VERIFIED',
  'ORDER_NOT_FOUND',
  'AMOUNT_NOT_WHOLE_UNIT',
  'AMOUNT_TOO_LOW',
  'AMOUNT_TOO_HIGH',
  'MONTHLY_CAP_EXCEEDED',
  'METHOD_NOT_ACCEPTED',
  'PROMOTION_EXPIRED',
  'IDEMPOTENCY_KEY_INVALID',
  'IDEMPOTENCY_KEY_REUSED',
  'ORDER_NOT_PAYABLE',
  'ORDER_NOT_CANCELLABLE',
  'PAYMENT_PROVIDER_ERROR',
  'PAYMENT_PASSWORD_REQUIRED',
  'CASHIER_CODE_REQUIRED',
  'TRANSACTION_NOT_FOUND',
  'CURSOR_INVALID',
  'DATE_RANGE_INVALID',
  'SEGMENT_NOT_FOUND',
  'INSUFFICIENT_BALANCE',
  'RECIPIENT_MISSING',
  'AUTO_TOPUP_AMOUNT_NOT_PRESET',
] as const;
export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const errorEnvelopeSchema = z
  .object({
    error: z.object({
      code: errorCodeSchema,
      message: z.string(),
      /** The request field at fault, as a dotted path (e.g. `card`, `plates.0`). */
      field: z.string().optional(),
    }),
  })
  .meta({ id: 'ErrorEnvelope' });
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
