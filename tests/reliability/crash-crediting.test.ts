import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEVICE_ID_HEADER,
  boundCardSchema,
  generateCardNumber,
  generateMainlandId,
  messageListSchema,
  orderSchema,
  sessionSchema,
  smsCodeReplySchema,
  type Order,
} from '@cbc/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { solidPng } from '../support/fixtures';
import { okApi } from '../support/api';
import { startServer, type RunningServer } from '../support/server';

// The promise "credited exactly once" must survive the worst moment to die: the payment is recorded
// ("paid"), the crediting is not yet done. The real server process is killed with SIGKILL there (no
// shutdown hook runs), started again on the same data folder, and must finish the job by itself.
describe('a server killed between "paid" and "credited"', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cbc-crash-'));
  const servers: RunningServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  // The same data folder and the same settings for both lives of the server.
  const start = async () => {
    const server = await startServer({
      DATA_DIR: dataDir,
      CREDIT_DELAY_SECONDS: '4',
      JOB_INTERVAL_MS: '100',
      SIM_PROBE_RATE: '0',
      LOG_LEVEL: 'warn',
    });
    servers.push(server);
    return server;
  };

  it('credits the order exactly once after a restart', async () => {
    const first = await start();
    const phone = { region: 'CN', number: '13700137000' };
    const device = { [DEVICE_ID_HEADER]: 'crash-test-device-000001' };
    const sms = smsCodeReplySchema.parse(
      await okApi(first, 'POST', '/api/v1/auth/sms-code', { body: { phone, purpose: 'register' }, headers: device }),
    );
    const smsCode = /(\d{6})/.exec(sms.message.body)?.[1];
    const { token } = sessionSchema.parse(
      await okApi(first, 'POST', '/api/v1/auth/register', {
        body: { phone, password: 'crash2026ok', smsCode },
        headers: device,
      }),
    );
    const card = boundCardSchema.parse(
      await okApi(first, 'POST', '/api/v1/cards', {
        token,
        body: {
          type: 'zhonggangtong',
          number: generateCardNumber('zhonggangtong', '55555555555'),
          plates: [{ region: 'mainland', number: '粤B·12345' }],
          idDocument: { type: 'mainland_id', number: generateMainlandId('440304', '19900101', '123') },
        },
      }),
    );
    const form = new FormData();
    form.append('photo', new Blob([new Uint8Array(solidPng(40, 30, [10, 20, 30]))], { type: 'image/png' }), 'id.png');
    await okApi(first, 'POST', `/api/v1/cards/${card.id}/id-photo`, { token, form });

    const order = orderSchema.parse(
      await okApi(first, 'POST', '/api/v1/orders', {
        token,
        body: { cardId: card.id, amountMinor: 20000, method: 'wechatpay' },
        headers: { 'idempotency-key': 'crash-test-order-0001' },
      }),
    );
    await okApi(first, 'POST', `/api/v1/orders/${order.id}/pay`, { token });
    await okApi(first, 'POST', `/api/v1/orders/${order.id}/cashier/confirm`, {
      token,
      body: { outcome: 'success', password: '123456' },
    });
    const state = async (server: RunningServer) =>
      orderSchema.parse(await okApi<Order>(server, 'GET', `/api/v1/orders/${order.id}`, { token })).state;
    await expect.poll(() => state(first), { timeout: 3_000, interval: 50 }).toBe('paid');

    process.kill(first.pid, 'SIGKILL');
    // A killed server is not stopped again: its exit has already happened.
    servers.splice(servers.indexOf(first), 1);
    await expect
      .poll(() =>
        fetch(`${first.baseUrl}/api/v1/health`).then(
          () => 'up',
          () => 'down',
        ),
      )
      .toBe('down');

    const second = await start();
    await expect.poll(() => state(second), { timeout: 15_000, interval: 200 }).toBe('credited');
    // Give the jobs several more runs: a second crediting would show in the balance and the inbox.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const balance = boundCardSchema.parse(await okApi(second, 'GET', `/api/v1/cards/${card.id}`, { token })).balance;
    expect(balance).toEqual({ amountMinor: 20000, currency: 'CNY' });
    const inbox = messageListSchema.parse(await okApi(second, 'GET', '/api/v1/messages', { token }));
    expect(inbox.messages.filter((message) => message.kind === 'topup_sms')).toHaveLength(1);
  });
});
