import { z } from 'zod';
import type { LocalizedText } from '../i18n/languages';
import { CARD_IDS, type CardId } from './card-ids';

export * from './card-ids';
export const cardIdSchema = z.enum(CARD_IDS);

export const CURRENCIES = ['CNY', 'HKD'] as const;
export const currencySchema = z.enum(CURRENCIES);
export type Currency = z.infer<typeof currencySchema>;

export interface CardDefinition {
  id: CardId;
  name: LocalizedText;
  /** Where the card is accepted, as the guides describe it. */
  coverage: LocalizedText;
  /** Balance currency; money is always integer minor units of it. */
  currency: Currency;
  /** Brand colour used by the card face in the miniapp. */
  color: string;
}

export const CARDS: Record<CardId, CardDefinition> = {
  zhonggangtong: {
    id: 'zhonggangtong',
    name: { 'zh-Hans': '中港通卡', 'zh-Hant': '中港通卡', en: 'Zhonggangtong Card' },
    coverage: {
      'zh-Hans': '广东省内高速公路收费站（含深圳）',
      'zh-Hant': '廣東省內高速公路收費站（含深圳）',
      en: 'Highway toll stations across Guangdong, Shenzhen included',
    },
    currency: 'CNY',
    // White text on it (card faces, the active card switch) is 5.2:1 (WCAG AA).
    color: '#1366e0',
  },
  yuanyou: {
    id: 'yuanyou',
    name: { 'zh-Hans': '远游卡', 'zh-Hant': '遠遊卡', en: 'Yuanyou Card' },
    coverage: {
      'zh-Hans': '内地高速公路及港澳部分路段',
      'zh-Hant': '內地高速公路及港澳部分路段',
      en: 'Mainland highways plus some road sections in Hong Kong and Macau',
    },
    currency: 'HKD',
    // White text on it is 5.3:1 (the old #0f9d76 was 3.4:1).
    color: '#0c7a5c',
  },
};

export const CURRENCY_SYMBOLS: Record<Currency, string> = { CNY: '¥', HKD: 'HK$' };
