import { readFileSync } from 'node:fs';
import path from 'node:path';
import { uiMessages } from '@cbc/shared';
import { describe, expect, it } from 'vitest';

// The h5 page template the Taro build turns into index.html (the built page is checked in the browser
// test, tests/e2e/first-load.e2e.test.ts). Its texts are the zh-Hans catalog's, so they exist in all
// three languages and cannot drift from the app's own name.
const miniappSrc = path.resolve(__dirname, '../../../miniapp/src');
const template = readFileSync(path.join(miniappSrc, 'index.html'), 'utf8');

function decode(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

describe('the h5 page template', () => {
  it('has the app name as its title', () => {
    expect(/<title>([^<]*)<\/title>/.exec(template)?.[1]).toBe(uiMessages['zh-Hans']['app.name']);
  });

  it('has a meta description, the catalog text that exists in every language', () => {
    const description = /<meta\s+name="description"\s+content="([^"]*)"/.exec(template)?.[1];
    expect(description && decode(description)).toBe(uiMessages['zh-Hans']['app.description']);
    for (const lang of ['zh-Hant', 'en'] as const) expect(uiMessages[lang]['app.description']).not.toBe('');
  });

  it('lets people pinch-zoom (no user-scalable=no, no maximum-scale)', () => {
    const viewport = /<meta\s+content="([^"]*)"\s+name="viewport"/.exec(template)?.[1] ?? '';
    expect(viewport).toContain('width=device-width');
    expect(viewport).not.toMatch(/user-scalable\s*=\s*(no|0)/i);
    expect(viewport).not.toMatch(/maximum-scale/i);
  });

  it('ships a real favicon.ico (an ICO of PNG images) for the build to copy', () => {
    const icon = readFileSync(path.join(miniappSrc, 'favicon.ico'));
    expect(icon.readUInt16LE(0)).toBe(0);
    expect(icon.readUInt16LE(2)).toBe(1);
    const count = icon.readUInt16LE(4);
    expect(count).toBeGreaterThan(0);
    const firstImage = icon.subarray(icon.readUInt32LE(6 + 12));
    expect(firstImage.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
