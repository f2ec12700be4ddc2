import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfAwareTransport } from '../../src/http/transport';
import { registerUser } from '../fixtures/accounts';
import { confirmCashier, createOrder, getOrder, INSTANT_TOPUP_ENV, payOrder, verifiedCard } from '../fixtures/topup';
import { buildTestApp, type TestApp } from '../helper';

// The app listens on a real port, and every socket it accepts is counted: a call that stays in the
// process opens none, one that crosses to another origin opens one.
let t: TestApp;
let origin: string;
let connections = 0;
beforeAll(async () => {
  t = await buildTestApp({ env: INSTANT_TOPUP_ENV });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  t.app.server.on('connection', () => (connections += 1));
});
afterAll(() => t.close());

describe('calls the server makes to itself', () => {
  it('pays and credits a WeChat Pay top-up with the prepay call and the notification kept in the process', async () => {
    const user = await registerUser(t.app);
    const card = await verifiedCard(t.app, user.auth);
    const order = await createOrder(t.app, user.auth, { cardId: card.id, amountMinor: 10_000, method: 'wechatpay' });
    const before = connections;

    // The merchant's signed prepay call to the simulated platform at /v3, then its signed notification.
    await payOrder(t.app, user.auth, order.id);
    await confirmCashier(t.app, user.auth, order.id, { outcome: 'success', password: '123456' });
    const report = await t.app.jobs.runOnce();

    expect(report.notificationsSent).toBe(1);
    expect((await getOrder(t.app, user.auth, order.id)).state).toBe('credited');
    expect(connections - before).toBe(0);
  });

  it('goes over real HTTP to an origin that is not this process', async () => {
    const request = { method: 'GET' as const, url: `${origin}/api/v1/health`, headers: {} };

    const before = connections;
    const crossing = await selfAwareTransport(t.app, () => false)(request);
    expect(crossing.status).toBe(200);
    expect(connections - before).toBe(1);

    const staying = await selfAwareTransport(t.app, (to) => to === origin)(request);
    expect(staying.status).toBe(200);
    expect(JSON.parse(staying.body)).toMatchObject({ status: JSON.parse(crossing.body).status });
    expect(connections - before).toBe(1);
  });
});
