import {
  CARD_IDS,
  LANGUAGES,
  guideListSchema,
  guideSchema,
  channelListSchema,
  translate,
  type CardId,
} from '@cbc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helper';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });

describe('GET /api/v1/guides', () => {
  it.each(CARD_IDS)('lists the online, offline and tips guides of %s in every language', async (card) => {
    const titles: string[][] = [];
    for (const lang of LANGUAGES) {
      const res = await get(`/api/v1/guides?card=${card}&lang=${lang}`);
      expect(res.statusCode).toBe(200);
      const body = guideListSchema.parse(res.json());
      expect(body.card).toBe(card);
      expect(body.guides.map((g) => g.kind)).toEqual(['online', 'offline', 'tips']);
      expect(body.guides.every((g) => g.card === card && g.stepCount > 0)).toBe(true);
      titles.push(body.guides.map((g) => g.title));
    }
    const [zhHans = [], zhHant = [], en = []] = titles;
    // The three languages really differ: English has no CJK, zh-Hant is not a copy of zh-Hans.
    expect(en.join('')).not.toMatch(/[\u4e00-\u9fff]/);
    expect(zhHant).not.toEqual(zhHans);
    expect(zhHant.join('')).toMatch(/續費|網上|遠遊|線下|貼士/);
    expect(zhHans.join('')).toMatch(/续费|线下|远游|贴士/);
  });

  it('defaults to zh-Hans without lang or Accept-Language', async () => {
    const plain = await get('/api/v1/guides?card=yuanyou');
    const zhHans = await get('/api/v1/guides?card=yuanyou&lang=zh-Hans');
    expect(plain.json()).toEqual(zhHans.json());
  });

  it.each([
    ['zh-HK', 'zh-Hant'],
    ['zh-TW,zh;q=0.9', 'zh-Hant'],
    ['en-US,en;q=0.8', 'en'],
    ['fr-FR, zh-CN;q=0.5', 'zh-Hans'],
    ['de', 'zh-Hans'],
  ])('picks the language from Accept-Language %s → %s when ?lang is absent', async (header, lang) => {
    const byHeader = await get('/api/v1/guides?card=zhonggangtong', { 'accept-language': header });
    const byQuery = await get(`/api/v1/guides?card=zhonggangtong&lang=${lang}`);
    expect(byHeader.json()).toEqual(byQuery.json());
    expect(byHeader.headers.vary).toBe('Accept-Language');
  });

  it('lets ?lang win over Accept-Language', async () => {
    const res = await get('/api/v1/guides?card=zhonggangtong&lang=en', { 'accept-language': 'zh-HK' });
    expect(res.json()).toEqual((await get('/api/v1/guides?card=zhonggangtong&lang=en')).json());
  });
});

describe('GET /api/v1/guides/:slug', () => {
  it.each(LANGUAGES)('returns one guide with ordered steps and the simulation notice in %s', async (lang) => {
    const res = await get(`/api/v1/guides/yuanyou-online?lang=${lang}`);
    expect(res.statusCode).toBe(200);
    const guide = guideSchema.parse(res.json());
    expect(guide).toMatchObject({ slug: 'yuanyou-online', card: 'yuanyou', kind: 'online' });
    expect(guide.steps.length).toBe(guide.stepCount);
    expect(guide.steps.length).toBeGreaterThan(1);
    expect(guide.prerequisites.length).toBeGreaterThan(0);
    expect(guide.simulationNotice).toBe(translate(lang, 'app.simulationNotice'));
    expect(guide.updatedAt).toMatch(/^\d{4}-\d\d-\d\d$/);
  });

  it('keeps the authored step order', async () => {
    const en = guideSchema.parse((await get('/api/v1/guides/yuanyou-online?lang=en')).json());
    expect(en.steps[0]?.title).toBe('Open the website or mini-program');
    expect(en.steps[1]?.title).toBe('Register or log in');
  });

  it('uses Traditional characters for zh-Hant', async () => {
    const guide = guideSchema.parse(
      (await get('/api/v1/guides/zhonggangtong-online', { 'accept-language': 'zh-HK' })).json(),
    );
    expect(guide.title).toBe('中港通卡網上續費（官方App）');
    expect(guide.simulationNotice).toBe(translate('zh-Hant', 'app.simulationNotice'));
  });
});

describe('GET /api/v1/channels', () => {
  const expectedKinds: Record<CardId, string[]> = {
    zhonggangtong: ['toll-station', 'bank-branch', 'kiosk'],
    yuanyou: ['service-centre', 'convenience-store', 'atm'],
  };

  it.each(CARD_IDS)('lists the offline channels of %s', async (card) => {
    for (const lang of LANGUAGES) {
      const res = await get(`/api/v1/channels?card=${card}&lang=${lang}`);
      expect(res.statusCode).toBe(200);
      const body = channelListSchema.parse(res.json());
      expect(body.card).toBe(card);
      expect(body.channels.map((c) => c.kind)).toEqual(expectedKinds[card]);
      for (const channel of body.channels) {
        expect(channel.card).toBe(card);
        expect(channel.name).not.toBe('');
        expect(channel.steps.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('caching', () => {
  it.each([
    '/api/v1/guides?card=yuanyou&lang=en',
    '/api/v1/guides/zhonggangtong-tips?lang=zh-Hant',
    '/api/v1/channels?card=zhonggangtong',
  ])('%s carries Cache-Control and an ETag, and answers 304 to a matching If-None-Match', async (url) => {
    const first = await get(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);

    const again = await get(url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);

    expect((await get(url, { 'if-none-match': `"other", W/${etag}` })).statusCode).toBe(304);
    expect((await get(url, { 'if-none-match': '"stale"' })).statusCode).toBe(200);
  });

  it('gives each language its own ETag', async () => {
    const en = await get('/api/v1/guides/yuanyou-tips?lang=en');
    const zh = await get('/api/v1/guides/yuanyou-tips?lang=zh-Hans');
    expect(en.headers.etag).not.toBe(zh.headers.etag);
    expect(
      (await get('/api/v1/guides/yuanyou-tips?lang=zh-Hans', { 'if-none-match': en.headers.etag as string }))
        .statusCode,
    ).toBe(200);
  });
});
