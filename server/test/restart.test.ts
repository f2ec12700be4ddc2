import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { wechatLoginReplySchema } from '@cbc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app';
import { loadConfig } from '../src/config';
import { newSeed, registerUser, wechatCode } from './fixtures/accounts';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'cbc-restart-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

async function start(): Promise<App> {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', STATIC_DIR: path.join(dataDir, 'no-h5') });
  const app = buildApp(config);
  await app.ready();
  return app;
}

describe('after a restart (APP_SECRET unset)', () => {
  it('keeps sessions, WeChat identities and card-number hashes', async () => {
    const seed = newSeed();
    const first = await start();
    const wx = wechatLoginReplySchema.parse(
      (
        await first.inject({
          method: 'POST',
          url: '/api/v1/auth/wechat',
          payload: { code: wechatCode(seed, new Date()) },
        })
      ).json(),
    );
    const { auth } = await registerUser(first);
    await first.close();

    const second = await start();
    try {
      const again = wechatLoginReplySchema.parse(
        (
          await second.inject({
            method: 'POST',
            url: '/api/v1/auth/wechat',
            payload: { code: wechatCode(seed, new Date()) },
          })
        ).json(),
      );
      expect(again).toMatchObject({ created: false, user: { id: wx.user.id } });
      // Still logged in: the session outlived the process.
      expect((await second.inject({ url: '/api/v1/me', headers: auth })).statusCode).toBe(200);
    } finally {
      await second.close();
    }
  });
});
