import { describe, expect, it } from 'vitest';
import { TRANSACTION_KINDS } from '../src/contracts/history';
import { placeholdersOf } from '../src/i18n/format';
import { historyMessages, historyText } from '../src/i18n/history-messages';
import { LANGUAGES } from '../src/i18n/languages';

// Characters that exist only in Simplified script (as in catalogs.test.ts); none may leak into zh-Hant.
const SIMPLIFIED_ONLY = /[费续额账户录线载页网择这为务请们认证码时间击关发现进过还应该让设说话银简类币号额]/u;

describe('history catalog', () => {
  const reference = historyMessages['zh-Hans'];

  it.each(LANGUAGES)('%s has the same keys as zh-Hans, non-empty, with the same placeholders', (lang) => {
    const messages = historyMessages[lang];
    expect(Object.keys(messages).sort()).toEqual(Object.keys(reference).sort());
    for (const [key, template] of Object.entries(messages)) {
      expect(template.trim(), `${lang} ${key}`).not.toBe('');
      expect(placeholdersOf(template), `${lang} ${key}`).toEqual(
        placeholdersOf(reference[key as keyof typeof reference]),
      );
    }
  });

  it('names every transaction kind', () => {
    for (const lang of LANGUAGES)
      for (const kind of TRANSACTION_KINDS) expect(historyText(lang, `kind.${kind}`)).not.toBe('');
  });

  it('writes zh-Hant in Traditional characters and English without Chinese', () => {
    for (const [key, template] of Object.entries(historyMessages['zh-Hant'])) {
      expect(template, key).not.toMatch(SIMPLIFIED_ONLY);
    }
    for (const [key, template] of Object.entries(historyMessages.en))
      expect(template, key).not.toMatch(/\p{Script=Han}/u);
  });

  it('fills the method into a title', () => {
    expect(historyText('zh-Hans', 'title.topup', { method: '微信支付' })).toBe('微信支付充值');
    expect(historyText('en', 'title.bonus', { method: 'UnionPay card' })).toBe('Top-up bonus (UnionPay card)');
  });
});
