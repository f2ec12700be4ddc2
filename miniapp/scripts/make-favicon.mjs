#!/usr/bin/env node
// Draws the h5 favicon (a white card on the brand blue) and packs it as an ICO with 16, 32 and 48 px
// PNG images: `node miniapp/scripts/make-favicon.mjs` → miniapp/src/favicon.ico (copied into the h5
// build by config/index.ts). Generated here, never downloaded. Needs /usr/bin/chromium and playwright-core.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const outFile = path.resolve(here, '../src/favicon.ico');
const SIZES = [16, 32, 48];
const BRAND = '#1677ff'; // = tabBar.selectedColor in app.config.ts

const svg = (size) => `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 48 48">
  <rect width="48" height="48" rx="10" fill="${BRAND}"/>
  <rect x="8" y="13" width="32" height="22" rx="3.5" fill="#fff"/>
  <rect x="8" y="18" width="32" height="4.5" fill="${BRAND}" opacity="0.55"/>
  <rect x="12" y="27" width="11" height="3.5" rx="1.5" fill="${BRAND}"/>
</svg>`;

/** ICO container: a 6-byte header, a 16-byte entry per image, then the PNG files themselves. */
function ico(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, data }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size % 256, entry); // 0 would mean 256
    header.writeUInt8(size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...pngs.map((p) => p.data)]);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const pngs = [];
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg(size)}</body></html>`);
    pngs.push({ size, data: await page.locator('svg').screenshot({ omitBackground: true }) });
    await page.close();
  }
  await writeFile(outFile, ico(pngs));
  console.log(`wrote ${path.relative(process.cwd(), outFile)}`);
} finally {
  await browser.close();
}
