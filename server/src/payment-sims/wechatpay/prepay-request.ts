import { z } from 'zod';
import { paramError, type V3Error } from './errors';
import { parseRfc3339 } from './wire';

/**
 * The JSAPI prepay body as v3 checks it (shared/PAYMENTS.md §1). Fields this simulation does not use
 * (goods_tag, detail, scene_info, settle_info, support_fapiao) are accepted and ignored, like
 * optional fields on the real platform.
 */

export const OUT_TRADE_NO = /^[0-9A-Za-z_\-*]{6,32}$/;

const notifyUrl = z
  .string()
  .max(255)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.search === '' && url.hash === '';
    } catch {
      return false;
    }
  }, 'notify_url must be a full URL without query parameters');

export const prepayRequestSchema = z.object({
  appid: z.string().min(1).max(32),
  mchid: z.string().min(1).max(32),
  description: z.string().min(1).max(127),
  out_trade_no: z.string().regex(OUT_TRADE_NO),
  time_expire: z
    .string()
    .max(64)
    .refine((value) => parseRfc3339(value) !== null, 'time_expire must be RFC 3339 with an offset')
    .optional(),
  attach: z.string().max(128).optional(),
  notify_url: notifyUrl,
  amount: z.object({
    total: z.number().int().min(1),
    // Optional in v3; mini-program payments in mainland China are CNY only.
    currency: z.literal('CNY').optional(),
  }),
  payer: z.object({ openid: z.string().min(1).max(128) }),
});
export type PrepayRequest = z.infer<typeof prepayRequestSchema>;

/** `/amount/total`: v3 names the field at fault as a JSON pointer. */
function pointer(issuePath: readonly PropertyKey[]): string {
  return `/${issuePath.map(String).join('/')}`;
}

export function parsePrepayRequest(json: unknown): PrepayRequest | V3Error {
  const parsed = prepayRequestSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return paramError({ field: issue ? pointer(issue.path) : '/', location: 'body', issue: issue?.message ?? 'invalid' });
}
