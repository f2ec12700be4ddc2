import {
  CARD_IDS,
  GUIDE_KINDS,
  LANGUAGES,
  channelSchema,
  guideSchema,
  localizedTextSchema,
  slugSchema,
  type LocalizedText,
} from '@cbc/shared';
import { describe, expect, it } from 'vitest';
import { channelContents, guideContents } from '../../src/guides/content/index';
import type { GuideContent } from '../../src/guides/content/types';
import { localizeChannel, localizeGuide } from '../../src/guides/service';

/** Every LocalizedText of a guide, wherever it sits. */
function textsOf(guide: GuideContent): LocalizedText[] {
  return [
    guide.title,
    guide.summary,
    ...guide.prerequisites,
    ...guide.steps.flatMap((step) => [step.title, step.detail, ...(step.menuPath ?? [])]),
    ...guide.tips,
  ];
}

describe('guide content', () => {
  it('has a unique, well-formed slug per guide and a unique id per channel', () => {
    const slugs = guideContents.map((g) => g.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slugSchema.safeParse(slug).success, slug).toBe(true);
    const ids = channelContents.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(guideContents.map((g) => [g.slug, g] as const))(
    '%s has every text in all three languages',
    (_slug, guide) => {
      for (const text of textsOf(guide)) {
        const parsed = localizedTextSchema.safeParse(text);
        expect(parsed.success, JSON.stringify(text)).toBe(true);
        for (const lang of LANGUAGES) expect(text[lang].trim()).not.toBe('');
      }
    },
  );

  it.each(guideContents.map((g) => [g.slug, g] as const))(
    '%s passes the shared guide contract in every language',
    (_slug, guide) => {
      for (const lang of LANGUAGES) {
        const parsed = guideSchema.safeParse(localizeGuide(guide, lang));
        expect(parsed.success, `${lang}: ${parsed.error?.message}`).toBe(true);
        expect(guide.steps.length).toBeGreaterThan(0);
      }
    },
  );

  it('gives each card an online, an offline and a tips guide', () => {
    for (const card of CARD_IDS) {
      const kinds = guideContents.filter((g) => g.card === card).map((g) => g.kind);
      expect([...kinds].sort()).toEqual([...GUIDE_KINDS].sort());
    }
  });

  it.each(CARD_IDS)('puts the scam-awareness tip in the tips guide of %s', (card) => {
    const tips = guideContents.find((g) => g.card === card && g.kind === 'tips');
    expect(tips).toBeDefined();
    const texts = textsOf(tips as GuideContent);
    const en = texts.map((t) => t.en).join('\n');
    expect(en).toMatch(/official/i);
    expect(en).toMatch(/stranger|agent/i);
    expect(texts.map((t) => t['zh-Hans']).join('\n')).toMatch(/官方/);
    expect(texts.map((t) => t['zh-Hant']).join('\n')).toMatch(/官方/);
  });

  it('passes the shared channel contract in every language', () => {
    for (const channel of channelContents) {
      for (const lang of LANGUAGES) {
        const parsed = channelSchema.safeParse(localizeChannel(channel, lang));
        expect(parsed.success, `${channel.id} ${lang}: ${parsed.error?.message}`).toBe(true);
      }
      for (const text of [channel.name, channel.summary, ...channel.bring, ...channel.steps, ...channel.tips]) {
        expect(localizedTextSchema.safeParse(text).success, JSON.stringify(text)).toBe(true);
      }
    }
  });
});
