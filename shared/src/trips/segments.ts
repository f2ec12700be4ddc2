import type { CardId } from '../cards/cards';
import type { LocalizedText } from '../i18n/languages';

/**
 * A small, clearly labelled list of SAMPLE toll segments per card type, for practising how trips
 * spend a balance. Names are real places; the fees are the simulation's own round figures, not any
 * operator's tariff (the screens say so).
 */
export interface TollSegment {
  id: string;
  name: LocalizedText;
  /** Fee in minor units of the card's currency. */
  feeMinor: number;
}

export const TOLL_SEGMENTS: Record<CardId, readonly TollSegment[]> = {
  zhonggangtong: [
    {
      id: 'szb-gz',
      name: {
        'zh-Hans': '深圳湾 → 广州（示例）',
        'zh-Hant': '深圳灣 → 廣州（示例）',
        en: 'Shenzhen Bay → Guangzhou (sample)',
      },
      feeMinor: 6_500,
    },
    {
      id: 'hg-dg',
      name: { 'zh-Hans': '皇岗 → 东莞（示例）', 'zh-Hant': '皇崗 → 東莞（示例）', en: 'Huanggang → Dongguan (sample)' },
      feeMinor: 3_500,
    },
    {
      id: 'lt-hz',
      name: { 'zh-Hans': '莲塘 → 惠州（示例）', 'zh-Hant': '蓮塘 → 惠州（示例）', en: 'Liantang → Huizhou (sample)' },
      feeMinor: 4_800,
    },
    {
      id: 'sz-zh',
      name: {
        'zh-Hans': '深圳机场 → 珠海（示例）',
        'zh-Hant': '深圳機場 → 珠海（示例）',
        en: 'Shenzhen Airport → Zhuhai (sample)',
      },
      feeMinor: 8_000,
    },
  ],
  yuanyou: [
    {
      id: 'hzmb-zh',
      name: {
        'zh-Hans': '港珠澳大桥 香港口岸 → 珠海（示例）',
        'zh-Hant': '港珠澳大橋 香港口岸 → 珠海（示例）',
        en: 'HZMB Hong Kong Port → Zhuhai (sample)',
      },
      feeMinor: 15_000,
    },
    {
      id: 'hzmb-mo',
      name: {
        'zh-Hans': '港珠澳大桥 香港口岸 → 澳门（示例）',
        'zh-Hant': '港珠澳大橋 香港口岸 → 澳門（示例）',
        en: 'HZMB Hong Kong Port → Macau (sample)',
      },
      feeMinor: 15_000,
    },
    {
      id: 'szb-sz',
      name: {
        'zh-Hans': '深圳湾口岸 → 深圳市区（示例）',
        'zh-Hant': '深圳灣口岸 → 深圳市區（示例）',
        en: 'Shenzhen Bay Port → Shenzhen city (sample)',
      },
      feeMinor: 2_500,
    },
    {
      id: 'hk-gz',
      name: {
        'zh-Hans': '香港 → 广州（示例）',
        'zh-Hant': '香港 → 廣州（示例）',
        en: 'Hong Kong → Guangzhou (sample)',
      },
      feeMinor: 9_000,
    },
  ],
};

export function findSegment(card: CardId, id: string): TollSegment | undefined {
  return TOLL_SEGMENTS[card].find((segment) => segment.id === id);
}
