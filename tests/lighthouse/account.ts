import { DEVICE_ID_HEADER, generateCardNumber, generateMainlandId, sessionSchema, type Session } from '@cbc/shared';
import { solidPng } from '../support/fixtures';

export interface AuditAccount {
  session: Session;
  cardId: string;
}

async function call(baseUrl: string, path: string, init: RequestInit, expected: number): Promise<unknown> {
  const reply = await fetch(baseUrl + path, init);
  if (reply.status !== expected) {
    throw new Error(`${init.method ?? 'GET'} ${path}: ${reply.status} ${await reply.text()}`);
  }
  return reply.json();
}

/**
 * A registered user with a verified 中港通卡, one credited top-up and two trips, made through the HTTP API
 * as the browser tests do: the top-up and history pages then show what a real user sees, not an empty state.
 * The server must run with CREDIT_DELAY_SECONDS=0 so the top-up is credited within a poll or two.
 */
export async function createAuditAccount(baseUrl: string): Promise<AuditAccount> {
  const phone = { region: 'CN', number: '13900139000' };
  const password = 'audit2026!';
  const json = { 'content-type': 'application/json', [DEVICE_ID_HEADER]: 'lighthouse-device-0001' };
  const sms = (await call(
    baseUrl,
    '/api/v1/auth/sms-code',
    { method: 'POST', headers: json, body: JSON.stringify({ phone, purpose: 'register' }) },
    200,
  )) as { message: { body: string } };
  const smsCode = /(\d{6})/.exec(sms.message.body)?.[1];
  const session = sessionSchema.parse(
    await call(
      baseUrl,
      '/api/v1/auth/register',
      { method: 'POST', headers: json, body: JSON.stringify({ phone, password, smsCode }) },
      201,
    ),
  );
  const auth = { authorization: `Bearer ${session.token}` };
  const card = (await call(
    baseUrl,
    '/api/v1/cards',
    {
      method: 'POST',
      headers: { ...json, ...auth },
      body: JSON.stringify({
        type: 'zhonggangtong',
        number: generateCardNumber('zhonggangtong', '31415926535'),
        plates: [{ region: 'mainland', number: '粤B·L2026' }],
        idDocument: { type: 'mainland_id', number: generateMainlandId('440305', '19800101', '123') },
      }),
    },
    201,
  )) as { id: string };
  const form = new FormData();
  form.append(
    'photo',
    new Blob([new Uint8Array(solidPng(320, 200, [120, 160, 200]))], { type: 'image/png' }),
    'id.png',
  );
  await call(baseUrl, `/api/v1/cards/${card.id}/id-photo`, { method: 'POST', headers: auth, body: form }, 200);

  const order = (await call(
    baseUrl,
    '/api/v1/orders',
    {
      method: 'POST',
      headers: { ...json, ...auth, 'idempotency-key': 'lighthouse-order-0001' },
      body: JSON.stringify({ cardId: card.id, amountMinor: 50_000, method: 'wechatpay' }),
    },
    201,
  )) as { id: string };
  await call(baseUrl, `/api/v1/orders/${order.id}/pay`, { method: 'POST', headers: auth }, 200);
  await call(
    baseUrl,
    `/api/v1/orders/${order.id}/cashier/confirm`,
    { method: 'POST', headers: { ...json, ...auth }, body: JSON.stringify({ outcome: 'success', password: '246810' }) },
    200,
  );
  for (let attempt = 0; ; attempt += 1) {
    const state = ((await call(baseUrl, `/api/v1/orders/${order.id}`, { headers: auth }, 200)) as { state: string })
      .state;
    if (state === 'credited') break;
    if (attempt > 100) throw new Error(`the audit top-up stayed ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  for (const segmentId of ['hg-dg', 'hg-dg']) {
    await call(
      baseUrl,
      `/api/v1/cards/${card.id}/trips`,
      { method: 'POST', headers: { ...json, ...auth }, body: JSON.stringify({ segmentId }) },
      201,
    );
  }
  return { session, cardId: card.id };
}
