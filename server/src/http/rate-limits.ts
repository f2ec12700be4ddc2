import { toE164, type PhoneRegion } from '@cbc/shared';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import type { PhoneAndAddressLimits, RateLimit } from '../config';
import { TooManyRequestsError } from '../errors/app-error';
import { deviceIdOf } from './device-id';

export interface PhoneAndAddressHooks {
  /** Counted per client address before anything is parsed. */
  onRequest: onRequestAsyncHookHandler;
  /** Counted per phone number once the body has been validated. */
  preHandler: preHandlerAsyncHookHandler;
}

function phoneKey(request: FastifyRequest): string {
  const phone = (request.body as { phone?: { region: PhoneRegion; number: string } } | undefined)?.phone;
  // The body passed validation, so the number converts; the fallback only guards a misuse of the hook.
  try {
    return phone ? `phone:${toE164(phone.region, phone.number)}` : 'phone:none';
  } catch {
    return 'phone:invalid';
  }
}

/**
 * Brakes for routes that take a phone number: one limit per client address (so one client cannot
 * try many phones) and one per phone (so many clients cannot hammer one phone). Both come from
 * @fastify/rate-limit; the per-phone one uses `createRateLimit`, because the plugin's route hook runs
 * once per request and the second hook would be skipped. Counters live in this process: with several
 * instances each keeps its own, which multiplies the limits by the instance count.
 */
/** A per-client-address brake, answering the localized RATE_LIMITED envelope. */
export function addressLimit(app: FastifyInstance, limit: RateLimit): onRequestAsyncHookHandler {
  return app.rateLimit({
    max: limit.max,
    timeWindow: limit.windowMs,
    errorResponseBuilder: (_request, context) => new TooManyRequestsError(context.ttl / 1000),
  }) as unknown as onRequestAsyncHookHandler;
}

export function phoneAndAddressLimits(
  app: FastifyInstance,
  limits: PhoneAndAddressLimits,
  options: { perDevice?: boolean } = {},
): PhoneAndAddressHooks {
  const perAddress = addressLimit(app, limits.perAddress);
  const checkPhone = app.createRateLimit({
    max: limits.perPhone.max,
    timeWindow: limits.perPhone.windowMs,
    // perDevice: the phone is counted per device (`x-device-id`), so one device's tries never brake another's.
    keyGenerator: options.perDevice
      ? (request) => `${phoneKey(request)} device:${deviceIdOf(request) ?? 'none'}`
      : phoneKey,
  });
  return {
    onRequest: perAddress,
    async preHandler(request) {
      const result = await checkPhone(request);
      if (result.isAllowed || !result.isExceeded) return;
      throw new TooManyRequestsError(result.ttlInSeconds);
    },
  };
}
