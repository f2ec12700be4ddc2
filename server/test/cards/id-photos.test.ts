import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIdPhotoStore, decodeImageHeader, sniffImage } from '../../src/cards/id-photos';
import { gifBytes, paddedPng, pngChunk, solidPng, tinyJpeg, tinyPng } from '../fixtures/images';

// Byte surgery on the real fixtures: each case breaks one rule of the format.
const png = tinyPng();
const IHDR_DATA = 16; // signature (8) + length (4) + type (4)
const withIhdr = (change: (data: Buffer) => void) => {
  const data = Buffer.from(png.subarray(IHDR_DATA, IHDR_DATA + 13));
  change(data);
  return Buffer.concat([png.subarray(0, 8), pngChunk('IHDR', data), png.subarray(8 + 25)]);
};
const jpeg = tinyJpeg();
const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
const sos = jpeg.indexOf(Buffer.from([0xff, 0xda]));
const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');

describe('sniffImage', () => {
  it('recognises a whole JPEG and a whole PNG, with their dimensions', () => {
    expect(sniffImage(tinyJpeg())).toBe('jpg');
    expect(sniffImage(tinyPng())).toBe('png');
    expect(decodeImageHeader(tinyJpeg())).toEqual({ kind: 'jpg', width: 16, height: 8 });
    expect(decodeImageHeader(solidPng(120, 80, [1, 2, 3]))).toEqual({ kind: 'png', width: 120, height: 80 });
    expect(sniffImage(paddedPng(4096))).toBe('png');
  });

  it.each([
    ['GIF', gifBytes()],
    ['text', Buffer.from('not an image at all')],
    ['PNG signature alone', png.subarray(0, 8)],
    ['PNG signature with another first chunk', Buffer.concat([png.subarray(0, 8), Buffer.from('\0\0\0\x0dIDAT')])],
    ['PNG signature and IHDR followed by HTML', Buffer.concat([png.subarray(0, 8 + 25), html])],
    ['a whole PNG followed by HTML', Buffer.concat([png, html])],
    [
      'a PNG whose IHDR CRC is wrong',
      Buffer.concat([png.subarray(0, 29), Buffer.from([0, 0, 0, 0]), png.subarray(33)]),
    ],
    [
      'a PNG whose IDAT CRC is wrong',
      Buffer.concat([png.subarray(0, png.length - 13), Buffer.from([0]), png.subarray(png.length - 12)]),
    ],
    ['a PNG without IEND', png.subarray(0, png.length - 12)],
    ['a PNG without IDAT', Buffer.concat([png.subarray(0, 8 + 25), png.subarray(png.length - 12)])],
    ['a PNG 0 pixels wide', withIhdr((data) => data.writeUInt32BE(0, 0))],
    ['a PNG 100,000 pixels high', withIhdr((data) => data.writeUInt32BE(100_000, 4))],
    ['a PNG with bit depth 3', withIhdr((data) => void (data[8] = 3))],
    ['a PNG with colour type 5', withIhdr((data) => void (data[9] = 5))],
    ['a PNG with interlace method 2', withIhdr((data) => void (data[12] = 2))],
    ['half a JPEG marker', Buffer.from([0xff, 0xd8])],
    ['SOI and EOI only', Buffer.from([0xff, 0xd8, 0xff, 0xd9])],
    ['a JPEG start followed by HTML', Buffer.concat([jpeg.subarray(0, 20), html])],
    ['a JPEG start and HTML ending in EOI', Buffer.concat([jpeg.subarray(0, 20), html, Buffer.from([0xff, 0xd9])])],
    ['a JPEG without its end marker', jpeg.subarray(0, jpeg.length - 2)],
    ['a JPEG without a frame header', Buffer.concat([jpeg.subarray(0, sof), jpeg.subarray(sof + 19)])],
    ['a JPEG 0 lines high', Buffer.concat([jpeg.subarray(0, sof + 5), Buffer.from([0, 0]), jpeg.subarray(sof + 7)])],
    [
      'a JPEG 65,535 pixels wide',
      Buffer.concat([jpeg.subarray(0, sof + 7), Buffer.from([0xff, 0xff]), jpeg.subarray(sof + 9)]),
    ],
    [
      'a JPEG whose scan header runs past the end',
      Buffer.concat([jpeg.subarray(0, sos + 2), Buffer.from([0xff, 0xf0, 0xff, 0xd9])]),
    ],
    ['a whole JPEG followed by HTML', Buffer.concat([jpeg, html])],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s', (_case, bytes) => {
    expect(sniffImage(bytes)).toBeNull();
  });
});

describe('IdPhotoStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cbc-photos-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('removes only names it could have written', async () => {
    const store = createIdPhotoStore(path.join(dir, 'id-photos'));
    const name = await store.save(tinyPng(), 'png');
    await writeFile(path.join(dir, 'app.sqlite'), 'db');
    await store.remove('../app.sqlite');
    expect(await readdir(dir)).toContain('app.sqlite');
    await store.remove(name);
    await store.remove(name);
    expect(await readdir(path.join(dir, 'id-photos'))).toEqual([]);
  });
});
