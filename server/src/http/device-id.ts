import { DEVICE_ID_HEADER, deviceIdSchema } from '@cbc/shared';
import type { FastifyRequest } from 'fastify';
import { DeviceIdRequiredError } from '../auth/errors';

/** The miniapp's random device id (`x-device-id`), or null if absent or malformed. */
export function deviceIdOf(request: FastifyRequest): string | null {
  const parsed = deviceIdSchema.safeParse(request.headers[DEVICE_ID_HEADER]);
  return parsed.success ? parsed.data : null;
}

/** Routes that address the device's simulated inbox need the id: 400 DEVICE_ID_REQUIRED without it. */
export function requireDeviceId(request: FastifyRequest): string {
  const deviceId = deviceIdOf(request);
  if (deviceId === null) throw new DeviceIdRequiredError();
  return deviceId;
}
