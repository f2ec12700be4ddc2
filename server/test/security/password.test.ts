import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/security/password';

describe('scrypt passwords', () => {
  it('hashes with a random salt and the parameters stored beside it', async () => {
    const [a, b] = [await hashPassword('drive2HK!'), await hashPassword('drive2HK!')];
    expect(a).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('drive2HK!');
  });

  it('verifies the right password only', async () => {
    const stored = await hashPassword('密码Secret9');
    expect(await verifyPassword('密码Secret9', stored)).toBe(true);
    expect(await verifyPassword('密码Secret8', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('treats composed and decomposed Unicode as the same password', async () => {
    const stored = await hashPassword('Café1234');
    expect(await verifyPassword('Cafe\u03011234', stored)).toBe(true);
  });

  it.each([
    ['another scheme', 'bcrypt$2b$10$abc'],
    ['missing parts', 'scrypt$15$8$1$salt'],
    ['absurd cost', `scrypt$30$8$1$${'A'.repeat(22)}$${'A'.repeat(86)}`],
    ['too short a hash', `scrypt$15$8$1$${'A'.repeat(22)}$AAAA`],
    ['empty', ''],
  ])('refuses a malformed stored hash (%s) without throwing', async (_case, stored) => {
    expect(await verifyPassword('drive2HK!', stored)).toBe(false);
  });
});
