import { generateKeyPairSync, verify } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { signOnThread, stopSigningThread } from '../../src/security/signing-thread';

describe('the signing thread', () => {
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
  afterAll(() => stopSigningThread());

  const verifies = (message: string, signature: string, publicKey: typeof merchant.publicKey) =>
    verify('sha256', Buffer.from(message, 'utf8'), publicKey, Buffer.from(signature, 'base64'));

  it('answers each of many signatures at once with its own message and key', async () => {
    const asked = Array.from({ length: 40 }, (_, index) => ({
      message: `message ${index} · 中港通卡`,
      keys: index % 2 === 0 ? merchant : platform,
    }));
    const signatures = await Promise.all(asked.map(({ message, keys }) => signOnThread(message, keys.privateKey)));
    asked.forEach(({ message, keys }, index) => {
      const signature = signatures[index] as string;
      expect(verifies(message, signature, keys.publicKey)).toBe(true);
      const otherKey = keys === merchant ? platform.publicKey : merchant.publicKey;
      expect(verifies(message, signature, otherKey)).toBe(false);
    });
  });

  it('rejects a signature the key cannot make, and goes on signing', async () => {
    await expect(signOnThread('x', merchant.publicKey)).rejects.toThrow(/^signing failed: /);
    expect(verifies('y', await signOnThread('y', merchant.privateKey), merchant.publicKey)).toBe(true);
  });

  it('starts a new thread after the last one stopped, and sends it the keys again', async () => {
    const before = await signOnThread('before', platform.privateKey);
    await stopSigningThread();
    const after = await signOnThread('after', platform.privateKey);
    expect(verifies('before', before, platform.publicKey)).toBe(true);
    expect(verifies('after', after, platform.publicKey)).toBe(true);
  });

  it('rejects what was still pending when the thread stops', async () => {
    // Fifty signatures are about 15 ms of work: the stop comes before the last of them is made.
    const pending = Array.from({ length: 50 }, (_, index) => signOnThread(`pending ${index}`, merchant.privateKey));
    await stopSigningThread();
    const settled = await Promise.allSettled(pending);
    const rejected = settled.filter((result) => result.status === 'rejected');
    expect(rejected.length).toBeGreaterThan(0);
    for (const result of rejected) expect(String(result.reason)).toMatch(/signing thread exited/);
    expect(settled.at(-1)?.status).toBe('rejected');
  });
});
