import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Endpoint } from '../src/contracts/endpoint';
import { api } from '../src/contracts/index';
import { ERROR_CODES } from '../src/contracts/errors';
import { errorMessage, errorMessages, fieldLabel, fieldLabels } from '../src/i18n/error-messages';
import { formatMessage, placeholdersOf } from '../src/i18n/format';
import { LANGUAGES } from '../src/i18n/languages';
import { notificationMessages } from '../src/i18n/notification-messages';
import { translate, uiMessages } from '../src/i18n/ui-messages';
import { CARDS, CARD_IDS } from '../src/cards/cards';

// Characters that exist only in Simplified script; none may leak into zh-Hant text.
const SIMPLIFIED_ONLY = /[费续额账户录线载页网择这为务请们认证码时间击关发现进过还应该让设说话银简]/u;

describe.each([
  ['ui', uiMessages],
  ['errors', errorMessages],
  ['field labels', fieldLabels],
  ['notifications', notificationMessages],
] as const)('%s catalog', (_name, catalog) => {
  const reference = catalog['zh-Hans'] as Record<string, string>;

  it.each(LANGUAGES)('%s has every key, non-empty, with the same placeholders as zh-Hans', (lang) => {
    const messages = catalog[lang] as Record<string, string>;
    expect(Object.keys(messages).sort()).toEqual(Object.keys(reference).sort());
    for (const [key, template] of Object.entries(messages)) {
      expect(template.trim(), `${lang} ${key}`).not.toBe('');
      expect(placeholdersOf(template), `${lang} ${key}`).toEqual(placeholdersOf(reference[key] ?? ''));
    }
  });

  it('zh-Hant uses Traditional characters', () => {
    for (const [key, template] of Object.entries(catalog['zh-Hant'] as Record<string, string>)) {
      expect(template, key).not.toMatch(SIMPLIFIED_ONLY);
    }
  });

  it('English has no Chinese characters', () => {
    for (const [key, template] of Object.entries(catalog.en as Record<string, string>)) {
      expect(template, key).not.toMatch(/\p{Script=Han}/u);
    }
  });
});

describe('messages', () => {
  it('fills placeholders and keeps unknown ones visible', () => {
    expect(formatMessage('第 {n} 步，共 {count} 步', { n: 2, count: 5 })).toBe('第 2 步，共 5 步');
    expect(formatMessage('Step {n}')).toBe('Step {n}');
    expect(translate('en', 'guides.stepCount', { count: 5 })).toBe('5 steps');
  });

  it('has a label for every field a request of the API can name', () => {
    const unlabelled: string[] = [];
    for (const [name, endpoint] of Object.entries(api as Readonly<Record<string, Endpoint>>)) {
      for (const part of [endpoint.params, endpoint.query, endpoint.body]) {
        if (!(part instanceof z.ZodObject)) continue;
        for (const field of Object.keys(part.shape)) {
          if (!(field in fieldLabels['zh-Hans'])) unlabelled.push(`${name}.${field}`);
        }
      }
    }
    expect(unlabelled).toEqual([]);
  });

  it('names the field in a validation message', () => {
    expect(errorMessage('zh-Hans', 'VALIDATION_FAILED', { field: fieldLabel('zh-Hans', 'card'), reason: '无效' })).toBe(
      '卡片类型：无效',
    );
    expect(fieldLabel('en', 'plates.1.number')).toBe('Plate number 2');
    expect(fieldLabel('zh-Hans', 'phone.number')).toBe('手机号码');
    expect(fieldLabel('en', 'idDocument.number')).toBe('ID number');
    expect(fieldLabel('en', 'unknownThing')).toBe('unknownThing');
    expect(fieldLabel('zh-Hant', 'lang')).toBe('語言');
  });

  it('every error code has a message', () => {
    for (const lang of LANGUAGES) for (const code of ERROR_CODES) expect(errorMessages[lang][code]).toBeTruthy();
  });
});

describe('cards', () => {
  it('defines both cards with names in every language and their balance currency', () => {
    expect(CARD_IDS).toEqual(['zhonggangtong', 'yuanyou']);
    expect(CARDS.zhonggangtong.currency).toBe('CNY');
    expect(CARDS.yuanyou.currency).toBe('HKD');
    expect(CARDS.yuanyou.name['zh-Hant']).toBe('遠遊卡');
    expect(CARDS.yuanyou.name['zh-Hans']).toBe('远游卡');
    for (const id of CARD_IDS) {
      expect(CARDS[id].id).toBe(id);
      for (const lang of LANGUAGES) expect(CARDS[id].coverage[lang]).not.toMatch(/^\s*$/);
      expect(CARDS[id].coverage['zh-Hant']).not.toMatch(SIMPLIFIED_ONLY);
    }
  });
});
