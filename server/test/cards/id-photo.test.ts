import { mkdirSync, writeFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ID_PHOTO_MAX_BYTES, boundCardSchema, generateCardNumber, generateHkid, type BoundCard } from '@cbc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helper';
import { wechatUser } from '../fixtures/accounts';
import { gifBytes, paddedPng, tinyJpeg, tinyPng } from '../fixtures/images';
import { multipart, type FilePart } from '../fixtures/multipart';

let t: TestApp;
let photoDir: string;
beforeAll(async () => {
  t = await buildTestApp({
    configure(app) {
      // A built h5 site right beside the photo folder: `/../id-photos/…` must not reach it.
      mkdirSync(app.config.staticDir, { recursive: true });
      writeFileSync(path.join(app.config.staticDir, 'index.html'), '<!doctype html><title>h5</title>');
    },
  });
  photoDir = path.join(t.dataDir, 'id-photos');
});
afterAll(() => t.close());

let serial = 0;
async function newCard(auth: Record<string, string>): Promise<BoundCard> {
  serial += 1;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cards',
    headers: auth,
    payload: {
      type: 'yuanyou',
      number: generateCardNumber('yuanyou', String(20_000_000_000 + serial).slice(-11)),
      plates: [{ region: 'hk', number: 'AB 1234' }],
      idDocument: { type: 'hkid', number: generateHkid('A', '123456') },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return boundCardSchema.parse(res.json());
}

function upload(cardId: string, auth: Record<string, string>, parts: FilePart[], lang = '') {
  const { payload, headers } = multipart(parts);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/cards/${cardId}/id-photo${lang}`,
    headers: { ...auth, ...headers },
    payload,
  });
}

const photo = (data: Buffer | string, filename = 'id.png', contentType = 'image/png'): FilePart => ({
  name: 'photo',
  filename,
  contentType,
  data,
});

const html = Buffer.from('<!doctype html><script>alert(document.cookie)</script>');
const padded = (bytes: Buffer, size: number) => Buffer.concat([bytes, Buffer.alloc(size - bytes.length, 0)]);

const files = async () => (await readdir(photoDir).catch(() => [] as string[])).sort();
const storedRow = (id: string) =>
  t.app.db.selectFrom('cards').select(['idPhotoFile', 'verification']).where('id', '=', id).executeTakeFirstOrThrow();

describe('POST /api/v1/cards/:id/id-photo', () => {
  let auth: Record<string, string>;
  let card: BoundCard;
  beforeAll(async () => {
    ({ auth } = await wechatUser(t.app));
    card = await newCard(auth);
  });

  it('accepts a PNG, stores it owner-only outside every served folder, and verifies the card', async () => {
    const png = tinyPng();
    const res = await upload(card.id, auth, [photo(png)]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ...card, verification: 'verified' });
    expect(res.body).not.toContain(png.toString('base64'));

    const [name, ...rest] = await files();
    expect(rest).toEqual([]);
    expect(name).toMatch(/^[0-9a-f-]{36}\.png$/);
    const file = path.join(photoDir, name ?? '');
    expect(await readFile(file)).toEqual(png);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(photoDir)).mode & 0o777).toBe(0o700);
    expect(await storedRow(card.id)).toEqual({ idPhotoFile: name, verification: 'verified' });
    // Nothing reads it back: not the card, not the list.
    const list = await t.app.inject({ url: '/api/v1/cards', headers: auth });
    expect(list.body).not.toContain(name);
  });

  it('accepts a JPEG whatever its name, replacing (and deleting) the previous photo', async () => {
    const before = await files();
    const res = await upload(card.id, auth, [photo(tinyJpeg(), 'scan.bin', 'application/octet-stream')]);
    expect(res.statusCode, res.body).toBe(200);
    const after = await files();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatch(/\.jpg$/);
    expect(after).not.toEqual(before);
  });

  it('accepts a photo of exactly the maximum size', async () => {
    const res = await upload(card.id, auth, [photo(paddedPng(ID_PHOTO_MAX_BYTES))]);
    expect(res.statusCode, res.body).toBe(200);
  });

  describe('refuses, writing nothing', () => {
    let before: { files: string[]; row: Awaited<ReturnType<typeof storedRow>> };
    const expectUnchanged = async () => {
      expect(await files()).toEqual(before.files);
      expect(await storedRow(card.id)).toEqual(before.row);
    };
    beforeAll(async () => {
      before = { files: await files(), row: await storedRow(card.id) };
      expect(before.files).toHaveLength(1);
    });

    it.each<[string, FilePart]>([
      ['a text file named .png', photo('my ID number is secret', 'id.png', 'image/png')],
      ['GIF bytes declared as image/png', photo(gifBytes(), 'id.png', 'image/png')],
      [
        'a PNG signature without IHDR',
        photo(Buffer.concat([tinyPng().subarray(0, 8), Buffer.from('garbage!garbage!')])),
      ],
      ['an empty file', photo(Buffer.alloc(0), 'id.jpg', 'image/jpeg')],
      ['a JPEG marker too short', photo(Buffer.from([0xff, 0xd8]), 'id.jpg', 'image/jpeg')],
      ['a PNG signature and IHDR followed by HTML', photo(Buffer.concat([tinyPng().subarray(0, 33), html]))],
      ['a whole PNG followed by HTML', photo(Buffer.concat([tinyPng(), html]))],
      [
        'a JPEG start followed by HTML',
        photo(Buffer.concat([tinyJpeg().subarray(0, 20), html, Buffer.from([0xff, 0xd9])]), 'id.jpg', 'image/jpeg'),
      ],
      ['a PNG padded with zeros to the maximum size', photo(padded(tinyPng(), ID_PHOTO_MAX_BYTES))],
    ])('%s: 415 PHOTO_NOT_IMAGE', async (_case, part) => {
      const res = await upload(card.id, auth, [part]);
      expect(res.statusCode).toBe(415);
      expect(res.json()).toEqual({
        error: { code: 'PHOTO_NOT_IMAGE', message: '只支持 JPEG 或 PNG 格式的照片', field: 'photo' },
      });
      await expectUnchanged();
    });

    it('a photo over 2 MB: 413 PHOTO_TOO_LARGE', async () => {
      const big = Buffer.alloc(ID_PHOTO_MAX_BYTES + 1, 0);
      tinyPng().copy(big);
      const res = await upload(card.id, auth, [photo(big)]);
      expect(res.statusCode).toBe(413);
      expect(res.json()).toEqual({
        error: { code: 'PHOTO_TOO_LARGE', message: '照片不能超过 2 MB', field: 'photo' },
      });
      const en = await upload(card.id, auth, [photo(Buffer.alloc(3 * 1024 * 1024, 0xff))], '?lang=en');
      expect(en.json()).toEqual({
        error: { code: 'PHOTO_TOO_LARGE', message: 'The photo must be at most 2 MB', field: 'photo' },
      });
      await expectUnchanged();
    });

    it('two files, whichever comes first or however valid: 400 PHOTO_TOO_MANY, naming the field', async () => {
      const expected = { error: { code: 'PHOTO_TOO_MANY', message: '一次只能上传一张证件照片', field: 'photo' } };
      const two = await upload(card.id, auth, [photo(tinyPng()), photo(tinyJpeg(), 'id.jpg', 'image/jpeg')]);
      expect(two.statusCode, two.body).toBe(400);
      expect(two.json()).toEqual(expected);
      const decoy = await upload(card.id, auth, [
        photo(tinyPng()),
        photo(Buffer.from('<html>'), 'x.html', 'text/html'),
      ]);
      expect(decoy.json()).toEqual(expected);
      const otherName = await upload(
        card.id,
        auth,
        [photo(tinyPng()), { ...photo(tinyPng()), name: 'back' }],
        '?lang=en',
      );
      expect(otherName.statusCode).toBe(400);
      expect(otherName.json()).toEqual({
        error: { code: 'PHOTO_TOO_MANY', message: 'Upload one photo of the ID document at a time', field: 'photo' },
      });
      const zhHant = await upload(card.id, auth, [photo(tinyPng()), photo(tinyPng())], '?lang=zh-Hant');
      expect(zhHant.json()).toEqual({
        error: { code: 'PHOTO_TOO_MANY', message: '每次只可上載一張證件相片', field: 'photo' },
      });
      await expectUnchanged();
    });

    it('no file, or a file under another name: 400 PHOTO_MISSING', async () => {
      const expected = { error: { code: 'PHOTO_MISSING', message: '请选择证件照片', field: 'photo' } };
      const fieldOnly = await upload(card.id, auth, [{ name: 'note', data: 'hello' }]);
      expect(fieldOnly.statusCode).toBe(400);
      expect(fieldOnly.json()).toEqual(expected);
      const otherName = await upload(card.id, auth, [{ ...photo(tinyPng()), name: 'file' }]);
      expect(otherName.statusCode).toBe(400);
      expect(otherName.json()).toEqual(expected);
      const empty = await upload(card.id, auth, []);
      expect(empty.json()).toEqual(expected);
      await expectUnchanged();
    });

    it('a malformed multipart body (no boundary, cut off mid-part): 400 BAD_REQUEST, not a 500', async () => {
      const expected = { error: { code: 'BAD_REQUEST', message: '请求无法处理，请检查后重试', field: 'photo' } };
      const noBoundary = await t.app.inject({
        method: 'POST',
        url: `/api/v1/cards/${card.id}/id-photo`,
        headers: { ...auth, 'content-type': 'multipart/form-data' },
        payload: 'whatever',
      });
      expect(noBoundary.statusCode, noBoundary.body).toBe(400);
      expect(noBoundary.json()).toEqual(expected);
      const cutOff = await t.app.inject({
        method: 'POST',
        url: `/api/v1/cards/${card.id}/id-photo`,
        headers: { ...auth, 'content-type': 'multipart/form-data; boundary=XX' },
        payload: Buffer.concat([
          Buffer.from(
            '--XX\r\nContent-Disposition: form-data; name="photo"; filename="id.png"\r\n' +
              'Content-Type: image/png\r\n\r\n',
          ),
          tinyPng(),
        ]),
      });
      expect(cutOff.statusCode, cutOff.body).toBe(400);
      expect(cutOff.json()).toEqual(expected);
      await expectUnchanged();
    });

    it('a body that is not multipart: 415', async () => {
      const json = await t.app.inject({
        method: 'POST',
        url: `/api/v1/cards/${card.id}/id-photo`,
        headers: auth,
        payload: { photo: tinyPng().toString('base64') },
      });
      expect(json.statusCode).toBe(415);
      expect(json.json()).toEqual({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' } });
      const raw = await t.app.inject({
        method: 'POST',
        url: `/api/v1/cards/${card.id}/id-photo`,
        headers: { ...auth, 'content-type': 'image/png' },
        payload: tinyPng(),
      });
      expect(raw.statusCode).toBe(415);
      expect(raw.json()).toEqual({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' } });
      await expectUnchanged();
    });

    it('a multipart body on another card route: 415, as only the upload reads multipart', async () => {
      const cardsBefore = (await t.app.inject({ url: '/api/v1/cards', headers: auth })).json();
      const { payload, headers } = multipart([photo(tinyPng())]);
      for (const [method, url] of [
        ['POST', '/api/v1/cards'],
        ['PATCH', `/api/v1/cards/${card.id}`],
      ] as const) {
        const res = await t.app.inject({ method, url, headers: { ...auth, ...headers }, payload });
        expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(415);
        expect(res.json()).toEqual({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' } });
      }
      expect((await t.app.inject({ url: '/api/v1/cards', headers: auth })).json()).toEqual(cardsBefore);
      await expectUnchanged();
    });

    it("another user's card: 404 CARD_NOT_FOUND, and an anonymous upload: 401", async () => {
      const intruder = await wechatUser(t.app);
      const res = await upload(card.id, intruder.auth, [photo(tinyPng())]);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'CARD_NOT_FOUND', message: '找不到这张卡片', field: 'id' } });
      const anonymous = await upload(card.id, {}, [photo(tinyPng())]);
      expect(anonymous.statusCode).toBe(401);
      await expectUnchanged();
    });
  });

  it('is never served, neither by an API path nor through the static site', async () => {
    const [name] = await files();
    expect(name).toBeDefined();
    for (const url of [
      `/id-photos/${name}`,
      `/api/v1/id-photos/${name}`,
      `/../id-photos/${name}`,
      `/%2e%2e/id-photos/${name}`,
      `/..%2fid-photos%2f${name}`,
      `/data/id-photos/${name}`,
    ]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.rawPayload.includes(tinyPng().subarray(0, 8)), url).toBe(false);
    }
    // The static site itself works, so the 404s above are not an accident of a missing build.
    expect((await t.app.inject({ url: '/' })).statusCode).toBe(200);
  });

  it('is deleted from disk when the card is unbound', async () => {
    const owner = await wechatUser(t.app);
    const own = await newCard(owner.auth);
    const before = await files();
    expect((await upload(own.id, owner.auth, [photo(tinyPng())])).statusCode).toBe(200);
    const added = (await files()).filter((f) => !before.includes(f));
    expect(added).toHaveLength(1);
    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/cards/${own.id}`, headers: owner.auth });
    expect(res.statusCode).toBe(204);
    expect(await files()).toEqual(before);
  });
});
