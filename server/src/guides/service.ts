import {
  CARD_IDS,
  GUIDE_KINDS,
  LANGUAGES,
  channelSchema,
  guideSchema,
  translate,
  type CardId,
  type Channel,
  type ChannelList,
  type Guide,
  type GuideList,
  type Language,
  type LocalizedText,
} from '@cbc/shared';
import { etagOf } from '../http/etag';
import type { ChannelContent, GuideContent } from './content/types';
import { GuideNotFoundError } from './errors';

/** A localized reply body with its validator and its bytes, computed once. */
export interface Cached<T> {
  value: T;
  etag: string;
  /** `value` as the JSON text sent: already checked against the contract, so no request serializes it. */
  json: string;
}

export interface GuidesService {
  listGuides(card: CardId, lang: Language): Cached<GuideList>;
  /** Throws `GuideNotFoundError`. */
  getGuide(slug: string, lang: Language): Cached<Guide>;
  listChannels(card: CardId, lang: Language): Cached<ChannelList>;
}

export function localizeGuide(content: GuideContent, lang: Language): Guide {
  const t = (text: LocalizedText) => text[lang];
  return {
    slug: content.slug,
    card: content.card,
    kind: content.kind,
    title: t(content.title),
    summary: t(content.summary),
    stepCount: content.steps.length,
    prerequisites: content.prerequisites.map(t),
    steps: content.steps.map((step) => ({
      title: t(step.title),
      detail: t(step.detail),
      ...(step.menuPath ? { menuPath: step.menuPath.map(t) } : {}),
    })),
    tips: content.tips.map(t),
    simulationNotice: translate(lang, 'app.simulationNotice'),
    updatedAt: content.updatedAt,
  };
}

export function localizeChannel(content: ChannelContent, lang: Language): Channel {
  const t = (text: LocalizedText) => text[lang];
  return {
    id: content.id,
    card: content.card,
    kind: content.kind,
    name: t(content.name),
    summary: t(content.summary),
    bring: content.bring.map(t),
    steps: content.steps.map(t),
    tips: content.tips.map(t),
  };
}

const cached = <T>(value: T): Cached<T> => ({ value, etag: etagOf(value), json: JSON.stringify(value) });
const key = (a: string, lang: Language) => `${a}\u0000${lang}`;

/**
 * Guides are immutable content, so every reply is localized, checked against the shared contract and
 * tagged once, when the service is built: a request costs a map lookup. A content mistake (a missing
 * text, a duplicate slug) stops the start-up instead of reaching a driver.
 */
export function createGuidesService(
  guides: readonly GuideContent[],
  channels: readonly ChannelContent[],
): GuidesService {
  const slugs = new Set<string>();
  for (const guide of guides) {
    if (slugs.has(guide.slug)) throw new Error(`Guide content: duplicate slug "${guide.slug}"`);
    slugs.add(guide.slug);
  }
  const channelIds = new Set<string>();
  for (const channel of channels) {
    if (channelIds.has(channel.id)) throw new Error(`Channel content: duplicate id "${channel.id}"`);
    channelIds.add(channel.id);
  }
  // Online first, then offline, then tips: the order a first-time holder needs them.
  const ordered = [...guides].sort((a, b) => GUIDE_KINDS.indexOf(a.kind) - GUIDE_KINDS.indexOf(b.kind));

  const guideBySlug = new Map<string, Cached<Guide>>();
  const guideLists = new Map<string, Cached<GuideList>>();
  const channelLists = new Map<string, Cached<ChannelList>>();

  for (const lang of LANGUAGES) {
    const localized = ordered.map((content) => {
      const parsed = guideSchema.safeParse(localizeGuide(content, lang));
      if (!parsed.success)
        throw new Error(`Guide content "${content.slug}" (${lang}) is invalid: ${parsed.error.message}`);
      guideBySlug.set(key(content.slug, lang), cached(parsed.data));
      return parsed.data;
    });
    const localizedChannels = channels.map((content) => {
      const parsed = channelSchema.safeParse(localizeChannel(content, lang));
      if (!parsed.success)
        throw new Error(`Channel content "${content.id}" (${lang}) is invalid: ${parsed.error.message}`);
      return parsed.data;
    });
    for (const card of CARD_IDS) {
      guideLists.set(
        key(card, lang),
        cached({
          card,
          guides: localized
            .filter((guide) => guide.card === card)
            .map(({ slug, card: guideCard, kind, title, summary, stepCount }) => ({
              slug,
              card: guideCard,
              kind,
              title,
              summary,
              stepCount,
            })),
        }),
      );
      channelLists.set(
        key(card, lang),
        cached({ card, channels: localizedChannels.filter((channel) => channel.card === card) }),
      );
    }
  }

  const mustGet = <T>(map: Map<string, T>, k: string): T => {
    const value = map.get(k);
    if (value === undefined) throw new Error(`Guides service: nothing cached for ${JSON.stringify(k)}`);
    return value;
  };

  return {
    listGuides: (card, lang) => mustGet(guideLists, key(card, lang)),
    getGuide(slug, lang) {
      const guide = guideBySlug.get(key(slug, lang));
      if (!guide) throw new GuideNotFoundError();
      return guide;
    },
    listChannels: (card, lang) => mustGet(channelLists, key(card, lang)),
  };
}
