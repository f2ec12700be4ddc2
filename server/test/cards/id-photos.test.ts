import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIdPhotoStore, sniffImage } from '../../src/cards/id-photos';
import { gifBytes, tinyJpeg, tinyPng } from '../fixtures/images';

describe('sniffImage', () => {
  it('recognises JPEG and PNG by their bytes', () => {
    expect(sniffImage(tinyJpeg())).toBe('jpg');
    expect(sniffImage(tinyPng())).toBe('png');
  });

  it.each([
    ['GIF', gifBytes()],
    ['text', Buffer.from('not an image at all')],
    ['PNG signature alone', tinyPng().subarray(0, 8)],
    [
      'PNG signature with another first chunk',
      Buffer.concat([tinyPng().subarray(0, 8), Buffer.from('\0\0\0\x0dIDAT')]),
    ],
    ['half a JPEG marker', Buffer.from([0xff, 0xd8])],
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
