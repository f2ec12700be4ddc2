import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CARDS } from '@cbc/shared';
import { describe, expect, it } from 'vitest';

// WCAG 2.x contrast of the colour pairs the app actually draws, read from the design tokens
// (src/styles/_tokens.scss), the tab bar of src/app.config.ts and the card colours: a token changed to a
// paler shade fails here, not in an audit. https://www.w3.org/TR/WCAG22/#contrast-minimum

const src = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

/** Relative luminance of a #rrggbb colour (WCAG's definition, sRGB). */
function luminance(hex: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match?.[1]) throw new Error(`not a #rrggbb colour: ${hex}`);
  const value = parseInt(match[1], 16);
  const [r, g, b] = [16, 8, 0].map((shift) => {
    const channel = ((value >> shift) & 0xff) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function readTokens(): Record<string, string> {
  const tokens: Record<string, string> = {};
  const scss = readFileSync(join(src, 'styles', '_tokens.scss'), 'utf8');
  for (const [, name, value] of scss.matchAll(/^\$([\w-]+):\s*(#[0-9a-fA-F]{6});/gm)) {
    if (name && value) tokens[name] = value.toLowerCase();
  }
  return tokens;
}

function readTabBar(): { color: string; selectedColor: string; backgroundColor: string } {
  const config = readFileSync(join(src, 'app.config.ts'), 'utf8');
  const block = /tabBar:\s*\{([\s\S]*?)list:/.exec(config)?.[1] ?? '';
  const colour = (key: string) => new RegExp(`\\b${key}:\\s*'(#[0-9a-fA-F]{6})'`).exec(block)?.[1] ?? '';
  return { color: colour('color'), selectedColor: colour('selectedColor'), backgroundColor: colour('backgroundColor') };
}

describe('contrast', () => {
  it('computes WCAG ratios (black on white 21:1, a grey at the 4.5:1 edge)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    // The colours the issue measured, before the tokens changed.
    expect(contrast('#ffffff', '#1677ff')).toBeCloseTo(4.1, 1);
    expect(contrast('#86909c', '#f5f6f8')).toBeCloseTo(3.0, 1);
    expect(contrast('#00a870', '#ffffff')).toBeCloseTo(3.07, 2);
  });

  const t = readTokens();
  const tab = readTabBar();
  // [text, background, where it is drawn, minimum]: 4.5:1 for body text, 3:1 only for large text.
  const pairs: [string, string, string, number][] = [
    ['text', 'panel-bg', 'body text on panels', 4.5],
    ['text', 'page-bg', 'body text on the page', 4.5],
    ['text-2', 'panel-bg', 'secondary text', 4.5],
    ['text-2', 'page-bg', 'secondary text on the page', 4.5],
    ['text-2', 'fill', 'tags and chips', 4.5],
    ['text-3', 'panel-bg', 'hints, meta lines, placeholders', 4.5],
    ['text-3', 'page-bg', 'hints on the page', 4.5],
    ['text-3', 'fill', 'muted state tags', 4.5],
    ['text-3', 'fill-soft', 'placeholders in input boxes', 4.5],
    ['white', 'brand', 'buttons, 充值, 模拟 badges, timeline numbers', 4.5],
    ['white', 'brand-dark', 'the 我的 header gradient', 4.5],
    ['brand', 'panel-bg', 'links and active choices', 4.5],
    ['brand', 'page-bg', 'links on the page', 4.5],
    ['brand', 'brand-light', 'active segmented choice, 查看全部', 4.5],
    ['brand-dark', 'brand-light', '默认 badge, step labels, menu paths', 4.5],
    ['success', 'panel-bg', 'money in, 已到账', 4.5],
    ['success', 'success-bg', 'verified / credited tags', 4.5],
    ['warning', 'panel-bg', 'pay-by times, warnings', 4.5],
    ['warning', 'warning-bg', 'pending tags', 4.5],
    ['warning-text', 'warning-bg', 'scam warning, low balance', 4.5],
    ['white', 'warning', 'the ! icon', 4.5],
    ['danger', 'panel-bg', 'errors, 退出登录', 4.5],
    ['danger', 'danger-bg', 'error boxes', 4.5],
    ['sample', 'sample-bg', '示例 tags and the sample-data note', 4.5],
    ['sample', 'panel-bg', '示例 tags on a panel', 4.5],
    ['white', 'danger', 'unread badge', 4.5],
    ['white', 'wechat', 'the WeChat-linked tag', 4.5],
  ];

  it.each(pairs)('%s on %s (%s) reaches %d:1', (fg, bg, _where, minimum) => {
    const foreground = t[fg];
    const background = t[bg];
    expect(foreground, `$${fg}`).toBeDefined();
    expect(background, `$${bg}`).toBeDefined();
    expect(contrast(foreground ?? '', background ?? '')).toBeGreaterThanOrEqual(minimum);
  });

  it('tab labels, inactive and selected, reach 4.5:1 on the tab bar and are the tokens', () => {
    expect(contrast(tab.color, tab.backgroundColor)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(tab.selectedColor, tab.backgroundColor)).toBeGreaterThanOrEqual(4.5);
    expect(tab.color).toBe(t['text-3']);
    expect(tab.selectedColor).toBe(t.brand);
  });

  it.each(Object.values(CARDS).map((card) => [card.id, card.color] as const))(
    'white text on the %s colour (card faces, the active card switch) reaches 4.5:1',
    (_id, colour) => {
      expect(contrast('#ffffff', colour)).toBeGreaterThanOrEqual(4.5);
    },
  );
});
