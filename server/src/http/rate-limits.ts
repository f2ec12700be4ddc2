import { isIPv6 } from 'node:net';
import { toE164, type PhoneRegion } from '@cbc/shared';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestAsyncHookHandler,
  preHandlerAsyncHookHandler,
} from 'fastify';
import type { PhoneAndAddressLimits, RateLimit } from '../config';
import { TooManyRequestsError } from '../errors/app-error';
import { hitCounter, secondsUntil } from '../rate-counters/queries';
import { deviceIdOf } from './device-id';

/** IPv6 clients usually hold a whole /64: count it as one address, or each try could come from a new one. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array.from({ length: Math.max(0, 8 - left.length - right.length) }, () => '0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * Counts one request against `limit` under `key` in the database (rate_counters), so every instance on
 * one database shares the bar; throws the localized 429 once it is passed.
 */
async function brake(app: FastifyInstance, reply: FastifyReply, key: string, limit: RateLimit): Promise<void> {
  const now = app.clock();
  const window = await hitCounter(app.db, key, limit.windowMs, now);
  reply.header('x-ratelimit-limit', limit.max);
  reply.header('x-ratelimit-remaining', Math.max(0, limit.max - window.count));
  if (window.count > limit.max) throw new TooManyRequestsError(secondsUntil(window, now));
}

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

/** A per-client-address brake for the route `name`, answering the localized RATE_LIMITED envelope. */
export function addressLimit(app: FastifyInstance, name: string, limit: RateLimit): onRequestAsyncHookHandler {
  return async (request, reply) => brake(app, reply, `${name} address:${addressKey(request.ip)}`, limit);
}

/**
 * Brakes for routes that take a phone number: one limit per client address (so one client cannot
 * try many phones) and one per phone (so many clients cannot hammer one phone).
 */
export function phoneAndAddressLimits(
  app: FastifyInstance,
  name: string,
  limits: PhoneAndAddressLimits,
  options: { perDevice?: boolean } = {},
): PhoneAndAddressHooks {
  return {
    onRequest: addressLimit(app, name, limits.perAddress),
    async preHandler(request, reply) {
      // perDevice: the phone is counted per device (`x-device-id`), so one device's tries never brake another's.
      const device = options.perDevice ? ` device:${deviceIdOf(request) ?? 'none'}` : '';
      await brake(app, reply, `${name} ${phoneKey(request)}${device}`, limits.perPhone);
    },
  };
}
