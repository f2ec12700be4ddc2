import { DEVICE_ID_HEADER, generateCardNumber, generateMainlandId, type Session, type SmsCodeReply } from '@cbc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helper';
import { PASSWORD, codeOf, newDeviceId } from './fixtures/accounts';
import { pngChunk, tinyPng } from './fixtures/images';
import { multipart } from './fixtures/multipart';
import { confirmCashier, createOrder, getOrder, INSTANT_TOPUP_ENV, payOrder } from './fixtures/topup';

let t: TestApp;
beforeAll(async () => {
  // trace: every line any plugin may write, including @fastify/multipart's parser options.
  t = await buildTestApp({
    env: { ...INSTANT_TOPUP_ENV, LOG_LEVEL: 'trace' },
  });
});
afterAll(() => t.close());

describe('the log', () => {
  it('holds no password, SMS code, token, card number, ID number or photo byte of a full flow', async () => {
    const phone = { region: 'CN' as const, number: '13712345678' };
    const deviceId = newDeviceId();
    const sms = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sms-code',
      headers: { [DEVICE_ID_HEADER]: deviceId },
      payload: { phone, purpose: 'register' },
    });
    const code = codeOf(sms.json<SmsCodeReply>());
    const register = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { [DEVICE_ID_HEADER]: deviceId },
      payload: { phone, password: PASSWORD, smsCode: code, email: 'redact@example.com' },
    });
    expect(register.statusCode).toBe(201);
    const { token } = register.json<Session>();
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone, password: PASSWORD },
    });
    const loginToken = login.json<Session>().token;
    const auth = { authorization: `Bearer ${token}` };

    const cardNumber = generateCardNumber('zhonggangtong', '55512345678');
    const idNumber = generateMainlandId('110101', '19851231', '777');
    const bind = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cards',
      headers: auth,
      payload: {
        type: 'zhonggangtong',
        number: cardNumber,
        plates: [{ region: 'mainland', number: '粤B12345' }],
        idDocument: { type: 'mainland_id', number: idNumber },
      },
    });
    expect(bind.statusCode).toBe(201);
    // A rejected bind too: the error path must not log the input either.
    const rejected = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cards',
      headers: auth,
      payload: {
        type: 'zhonggangtong',
        number: cardNumber.slice(0, -1) + ((Number(cardNumber.slice(-1)) + 1) % 10),
        plates: [{ region: 'mainland', number: '粤B12345' }],
        idDocument: { type: 'mainland_id', number: idNumber },
      },
    });
    expect(rejected.statusCode).toBe(400);

    const marker = 'PHOTO-BYTES-7f3a9c';
    // The marker rides in a comment chunk, so the photo is still a whole PNG.
    const plain = tinyPng();
    const iend = plain.length - 12;
    const comment = pngChunk('tEXt', Buffer.from(`Comment\0${marker}`, 'latin1'));
    const png = Buffer.concat([plain.subarray(0, iend), comment, plain.subarray(iend)]);
    const { payload, headers } = multipart([
      { name: 'photo', filename: 'id.png', contentType: 'image/png', data: png },
    ]);
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cards/${bind.json<{ id: string }>().id}/id-photo`,
      headers: { ...auth, ...headers },
      payload,
    });
    expect(upload.statusCode).toBe(200);

    // A top-up through the simulated cashier: the payment password must not reach the log either.
    const paymentPassword = '907153';
    const cardId = bind.json<{ id: string }>().id;
    const order = await createOrder(t.app, auth, { cardId, amountMinor: 10_000, method: 'wechatpay' });
    await payOrder(t.app, auth, order.id);
    await confirmCashier(t.app, auth, order.id, { outcome: 'success', password: paymentPassword });
    await t.app.jobs.runOnce(t.app.clock());
    expect((await getOrder(t.app, auth, order.id)).state).toBe('credited');
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: auth });

    const log = JSON.stringify(t.logs());
    expect(t.logs().length).toBeGreaterThan(15);
    for (const secret of [
      PASSWORD,
      code,
      token,
      loginToken,
      cardNumber,
      cardNumber.slice(4, 12),
      idNumber,
      idNumber.slice(6, 14),
      marker,
      png.toString('base64'),
      `"password":"${paymentPassword}"`,
      paymentPassword,
    ]) {
      expect(log, secret).not.toContain(secret);
    }
    // The requests themselves are logged, so the test is not vacuous.
    expect(log).toContain('/api/v1/cards');
    expect(log).toContain('busboyOptions');
    expect(log).toContain('/cashier/confirm');
  });
});
