import { errorCodeSchema, type ErrorCode } from '@cbc/shared';
import { z } from 'zod';

/**
 * An installed mini-program is often older than the server it talks to. Where the server may grow a
 * list of values (a new kind of inbox message, a new error code), the app parses that one field
 * tolerantly and shows a generic fallback, instead of refusing the whole reply. The shared contract
 * stays strict: the server still validates and documents exactly the values it knows.
 */

/** The error envelope with any code: a code this version does not know still carries a localized message. */
export const clientErrorEnvelopeSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});

export function knownErrorCode(code: string): ErrorCode | undefined {
  const parsed = errorCodeSchema.safeParse(code);
  return parsed.success ? parsed.data : undefined;
}
