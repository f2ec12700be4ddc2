import { DEVICE_ID_HEADER, messageListSchema, type MessageList } from '@cbc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helper';
import { newDeviceId, newMainlandPhone, registerUser, requestCode, wechatUser } from '../fixtures/accounts';
import { MINUTE, testClock } from '../fixtures/clock';

const time = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ clock: time.clock });
});
afterAll(() => t.close());

const inbox = async (headers: Record<string, string>) => {
  const res = await t.app.inject({ url: '/api/v1/messages', headers });
  expect(res.statusCode, res.body).toBe(200);
  return messageListSchema.parse(res.json());
};

const markRead = (ids: string[], headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/messages/read', headers, payload: { ids } });

describe('GET /api/v1/messages', () => {
  it('shows a device the simulated SMS it asked for, newest first, and nobody else', async () => {
    const deviceId = newDeviceId();
    const first = await requestCode(t.app, newMainlandPhone(), deviceId);
    time.advance(MINUTE);
    const second = await requestCode(t.app, newMainlandPhone(), deviceId);
    expect(await inbox({ [DEVICE_ID_HEADER]: deviceId })).toEqual({
      messages: [second.message, first.message],
      unreadCount: 2,
    });
    expect(await inbox({ [DEVICE_ID_HEADER]: newDeviceId() })).toEqual({ messages: [], unreadCount: 0 });
    const res = await t.app.inject({ url: '/api/v1/messages', headers: { [DEVICE_ID_HEADER]: deviceId } });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('needs a token or a device id', async () => {
    const res = await t.app.inject({ url: '/api/v1/messages?lang=en' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { code: 'DEVICE_ID_REQUIRED', message: 'The device id is missing; restart the app and retry' },
    });
  });

  it('refuses a bad token rather than falling back to the device', async () => {
    const res = await t.app.inject({
      url: '/api/v1/messages',
      headers: { authorization: `Bearer ${'z'.repeat(43)}`, [DEVICE_ID_HEADER]: newDeviceId() },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
  });

  it('gives a logged-in user their own messages only', async () => {
    const a = await registerUser(t.app);
    const b = await wechatUser(t.app);
    const own = await inbox(a.auth);
    expect(own.messages.map((m) => m.kind).sort()).toEqual(['sms_code', 'welcome']);
    expect(own.messages.find((m) => m.kind === 'welcome')).toMatchObject({
      channel: 'app',
      title: '注册成功',
      to: `+86 ${a.phone.number.slice(0, 3)}****${a.phone.number.slice(-4)}`,
    });
    expect(await inbox(b.auth)).toEqual({ messages: [], unreadCount: 0 });
  });
});

describe('POST /api/v1/messages/read', () => {
  it('marks own messages read and ignores the ids of others', async () => {
    const a = await registerUser(t.app);
    const b = await registerUser(t.app);
    const mine = await inbox(a.auth);
    const theirs = await inbox(b.auth);
    const sms = mine.messages.find((m) => m.kind === 'sms_code');
    if (!sms) throw new Error('no sms');

    time.advance(MINUTE);
    const res = await markRead([sms.id, ...theirs.messages.map((m) => m.id), 'no-such-id'], a.auth);
    expect(res.statusCode).toBe(200);
    const after = messageListSchema.parse(res.json());
    expect(after.unreadCount).toBe(1);
    expect(after.messages.find((m) => m.id === sms.id)?.readAt).toBe(time.now().toISOString());
    expect(await inbox(b.auth)).toEqual(theirs);
  });

  it('lets a device mark its own SMS read', async () => {
    const deviceId = newDeviceId();
    const sms = await requestCode(t.app, newMainlandPhone(), deviceId);
    const res = await markRead([sms.message.id], { [DEVICE_ID_HEADER]: deviceId });
    expect(res.json<MessageList>().unreadCount).toBe(0);
    const other = await markRead([sms.message.id], { [DEVICE_ID_HEADER]: newDeviceId() });
    expect(other.json()).toEqual({ messages: [], unreadCount: 0 });
  });

  it('validates the ids', async () => {
    const res = await markRead([], { [DEVICE_ID_HEADER]: newDeviceId() });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { code: string; field: string } }>().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'ids',
    });
  });
});
