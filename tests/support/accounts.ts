import { randomBytes } from 'node:crypto';
import {
  DEVICE_ID_HEADER,
  boundCardSchema,
  generateHkid,
  generateMainlandId,
  sessionSchema,
  type BoundCard,
  type Session,
} from '@cbc/shared';
import { solidPng } from './fixtures';

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

export interface ApiCardOptions {
  /** 中港通卡 by default. */
  type?: 'zhonggangtong' | 'yuanyou';
  /** A valid number of that type (`generateCardNumber(type, …)`). */
  number: string;
  /** A mainland plate (a Hong Kong one for a 遠遊卡); any valid one by default. */
  plate?: string;
  /** The holder's mainland ID number (HKID for a 遠遊卡); any valid one by default. */
  idNumber?: string;
}

/** The plate and ID document a card of this type is bound with. */
function holderOf({ type = 'zhonggangtong', plate, idNumber }: ApiCardOptions) {
  return type === 'yuanyou'
    ? {
        plates: [{ region: 'hk', number: plate ?? 'AB 1234' }],
        idDocument: { type: 'hkid', number: idNumber ?? generateHkid('A', '123456') },
      }
    : {
        plates: [{ region: 'mainland', number: plate ?? '粤B·12345' }],
        idDocument: { type: 'mainland_id', number: idNumber ?? generateMainlandId('440304', '19900101', '123') },
      };
}

/**
 * A card (中港通卡 by default) bound and verified through the HTTP API as the miniapp does it (bind, then upload the ID
 * photo): what an order needs, for tests whose subject is not binding itself.
 */
export async function bindVerifiedCardThroughApi(
  baseUrl: string,
  token: string,
  options: ApiCardOptions,
): Promise<BoundCard> {
  const auth = { authorization: `Bearer ${token}` };
  const bound = await fetch(`${baseUrl}/api/v1/cards`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ type: options.type ?? 'zhonggangtong', number: options.number, ...holderOf(options) }),
  });
  if (bound.status !== 201) throw new Error(`bind answered ${bound.status}: ${await bound.text()}`);
  const card = boundCardSchema.parse(await bound.json());
  const form = new FormData();
  form.append('photo', new Blob([new Uint8Array(solidPng(40, 30, [120, 160, 200]))], { type: 'image/png' }), 'id.png');
  const photo = await fetch(`${baseUrl}/api/v1/cards/${card.id}/id-photo`, {
    method: 'POST',
    headers: auth,
    body: form,
  });
  if (photo.status !== 200) throw new Error(`ID photo answered ${photo.status}: ${await photo.text()}`);
  return card;
}
