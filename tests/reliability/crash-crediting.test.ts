import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boundCardSchema, generateCardNumber, messageListSchema, orderSchema, type Order } from '@cbc/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { bindVerifiedCardThroughApi, registerThroughApi } from '../support/accounts';
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
    const { token } = await registerThroughApi(first.baseUrl, {
      phone: '13700137000',
      password: 'crash2026ok',
      deviceId: 'crash-test-device-000001',
    });
    const card = await bindVerifiedCardThroughApi(first.baseUrl, token, {
      number: generateCardNumber('zhonggangtong', '55555555555'),
    });

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

    await first.kill();
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
