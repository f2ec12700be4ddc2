#!/usr/bin/env node
// Draws the tab bar icons (81×81 PNG, grey and brand blue) from inline SVG with the system Chromium.
// Run from anywhere: `node miniapp/scripts/make-tab-icons.mjs`. Output: miniapp/src/assets/tab/*.png.
// Icons are generated here, never downloaded. Needs /usr/bin/chromium (apt) and playwright-core.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, '../src/assets/tab');
const SIZE = 81;
const COLORS = { normal: '#8a919f', active: '#1677ff' }; // = tabBar.color / selectedColor in app.config.ts

/** 48×48 drawings with 3.2 px strokes; the active variant fills the shape lightly. */
const ICONS = {
  home: (color, active) => `
    <path d="M8 22 L24 9 L40 22" fill="none" stroke="${color}" stroke-width="3.4" stroke-linecap="round" stroke-linejoin="round"/>
    <path d="M12.5 19.5 V38 a2 2 0 0 0 2 2 H33.5 a2 2 0 0 0 2 -2 V19.5" fill="${active ? color : 'none'}" fill-opacity="${active ? 0.16 : 0}"
      stroke="${color}" stroke-width="3.4" stroke-linejoin="round"/>
    <path d="M20.5 40 V30 a1.5 1.5 0 0 1 1.5 -1.5 H26 a1.5 1.5 0 0 1 1.5 1.5 V40" fill="${active ? color : 'none'}"
      stroke="${color}" stroke-width="3.2" stroke-linejoin="round"/>`,
  guides: (color, active) => `
    <path d="M24 14 C19 10.5 12 10 6 11.5 V37 C12 35.5 19 36 24 39.5 C29 36 36 35.5 42 37 V11.5 C36 10 29 10.5 24 14 Z"
      fill="${active ? color : 'none'}" fill-opacity="${active ? 0.16 : 0}" stroke="${color}" stroke-width="3.4" stroke-linejoin="round"/>
    <path d="M24 14 V39" stroke="${color}" stroke-width="3.2" stroke-linecap="round"/>
    <path d="M11 18.5 C14 18 17 18.3 19.5 19.5 M11 25 C14 24.5 17 24.8 19.5 26 M28.5 19.5 C31 18.3 34 18 37 18.5 M28.5 26 C31 24.8 34 24.5 37 25"
      fill="none" stroke="${color}" stroke-width="2.4" stroke-linecap="round" opacity="${active ? 1 : 0.9}"/>`,
  // A receipt slip with a zigzag foot and lines of entries.
  history: (color, active) => `
    <path d="M11 7.5 H37 a1.5 1.5 0 0 1 1.5 1.5 V40.5 L34 37.5 L29.5 40.5 L24 37.5 L18.5 40.5 L14 37.5 L9.5 40.5 V9 a1.5 1.5 0 0 1 1.5 -1.5 Z"
      fill="${active ? color : 'none'}" fill-opacity="${active ? 0.16 : 0}" stroke="${color}" stroke-width="3.4" stroke-linejoin="round"/>
    <path d="M16 17 H32 M16 24 H32 M16 31 H25" fill="none" stroke="${color}" stroke-width="3" stroke-linecap="round"/>`,
  me: (color, active) => `
    <circle cx="24" cy="16.5" r="7.5" fill="${active ? color : 'none'}" fill-opacity="${active ? 0.16 : 0}"
      stroke="${color}" stroke-width="3.4"/>
    <path d="M8.5 40 C8.5 31.5 15.5 26.5 24 26.5 C32.5 26.5 39.5 31.5 39.5 40 Z" fill="${active ? color : 'none'}"
      fill-opacity="${active ? 0.16 : 0}" stroke="${color}" stroke-width="3.4" stroke-linejoin="round"/>`,
};

function svg(name, variant) {
  const color = COLORS[variant];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 48 48">${ICONS[name](color, variant === 'active')}</svg>`;
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  await mkdir(outDir, { recursive: true });
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  for (const name of Object.keys(ICONS)) {
    for (const variant of ['normal', 'active']) {
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg(name, variant)}</body></html>`);
      const file = path.join(outDir, `${name}${variant === 'active' ? '-active' : ''}.png`);
      await page.locator('svg').screenshot({ path: file, omitBackground: true });
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  }
} finally {
  await browser.close();
}
