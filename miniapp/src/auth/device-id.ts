import { deviceIdSchema } from '@cbc/shared';
import { STORAGE_KEYS } from '../constants/storage-keys';
import { readStorage, writeStorage } from '../utils/storage';
import { randomId } from '../utils/random-id';

let cached: string | undefined;

/**
 * This device's id for the `x-device-id` header: made once, then kept in storage. Before login the
 * server files simulated SMS under it, so the register page can read the code "sent to the phone".
 */
export function getDeviceId(): string {
  if (cached) return cached;
  const stored = deviceIdSchema.safeParse(readStorage(STORAGE_KEYS.deviceId));
  if (stored.success) {
    cached = stored.data;
  } else {
    cached = randomId(24);
    writeStorage(STORAGE_KEYS.deviceId, cached);
  }
  return cached;
}
