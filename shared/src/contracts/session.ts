import { z } from 'zod';
import { PHONE_REGIONS } from '../validation/phone';

// Who is calling, apart from the auth endpoints: every app start reads these from storage, so they
// live away from the endpoint schemas (a page that calls no auth endpoint does not build them).

export const deviceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

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
