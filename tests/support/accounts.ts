import { randomBytes } from 'node:crypto';
import { DEVICE_ID_HEADER, sessionSchema, type Session } from '@cbc/shared';

export interface ApiAccountOptions {
  /** A +86 mobile number. */
  phone: string;
  password: string;
  email?: string;
  /** The registering device (`x-device-id`); a fresh one by default. */
  deviceId?: string;
}

/**
 * An account made through the HTTP API, as a user on another device would (the SMS code read from
 * the simulated message in the reply): for browser tests whose subject is not registration itself.
 */
export async function registerThroughApi(baseUrl: string, options: ApiAccountOptions): Promise<Session> {
  const headers = {
    'content-type': 'application/json',
    [DEVICE_ID_HEADER]: options.deviceId ?? randomBytes(16).toString('base64url'),
  };
  const phone = { region: 'CN', number: options.phone };
  const sms = await fetch(`${baseUrl}/api/v1/auth/sms-code`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ phone, purpose: 'register' }),
  });
  const body = (await sms.json()) as { message?: { body?: string } };
  const smsCode = /(\d{6})/.exec(body.message?.body ?? '')?.[1];
  if (!smsCode) throw new Error(`no SMS code for ${options.phone}: ${JSON.stringify(body)}`);
  const registered = await fetch(`${baseUrl}/api/v1/auth/register`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      phone,
      password: options.password,
      smsCode,
      ...(options.email ? { email: options.email } : {}),
    }),
  });
  if (registered.status !== 201) throw new Error(`register answered ${registered.status}: ${await registered.text()}`);
  return sessionSchema.parse(await registered.json());
}
