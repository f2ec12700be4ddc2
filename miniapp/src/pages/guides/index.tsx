import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { CARD_IDS, CARDS, type CardId, type Channel, type GuideKind, type GuideSummary } from '@cbc/shared';
import { useCachedQuery, type CachedQuery } from '../../api';
import { LanguageSwitch } from '../../components/language-switch';
import { OfflineBanner, ScamWarning } from '../../components/notices';
import { EmptyState, ErrorState, InlineError, SkeletonChip, SkeletonText } from '../../components/query-states';
import { Section } from '../../components/section';
import { joinList, useI18n } from '../../i18n';
import { parseCardId, readCardChoice, writeCardChoice } from '../../utils/card-choice';
import { openChannel, openGuide } from '../../utils/navigation';
import { usePageTitle } from '../../utils/use-page-title';
import { useTabBarLabels } from '../../utils/use-tab-bar-labels';
import './index.scss';

/** `?card=` wins (deep links), then the remembered choice, then the first card. */
function useCardChoice(): [CardId, (card: CardId) => void] {
  const router = useRouter();
  const fromQuery = parseCardId(router.params.card);
  const [card, setCard] = useState<CardId>(() => {
    if (fromQuery) writeCardChoice(fromQuery);
    return fromQuery ?? readCardChoice();
  });
  const choose = (next: CardId) => {
    writeCardChoice(next);
    setCard(next);
  };
  // The home page may have picked a card (switchTab carries no query): follow storage on every show.
  useDidShow(() => {
    const stored = readCardChoice();
    if (stored !== card) setCard(stored);
  });
  return [card, choose];
}

function CardSwitcher({ card, onChange }: { card: CardId; onChange: (card: CardId) => void }) {
  const { lang, t } = useI18n();
  return (
    <View className="card-switch js-card-switch" ariaLabel={t('guides.chooseCard')}>
      {CARD_IDS.map((id) => {
        const active = id === card;
        return (
          <View
            key={id}
            id={`card-tab-${id}`}
            className={`card-switch__item js-card-tab js-card-tab-${id}${active ? ' is-active' : ''}`}
            style={active ? { background: CARDS[id].color } : undefined}
            onClick={() => onChange(id)}
          >
            <View className="card-switch__dot" style={active ? undefined : { background: CARDS[id].color }} />
            <Text className="card-switch__name">{CARDS[id].name[lang]}</Text>
          </View>
        );
      })}
    </View>
  );
}

function GuideEntry({ guide }: { guide: GuideSummary }) {
  const { t } = useI18n();
  return (
    <View
      className={`panel entry guide-entry js-guide-entry js-guide-${guide.slug}`}
      id={`guide-${guide.slug}`}
      onClick={() => openGuide(guide.slug)}
    >
      <View className="entry__main">
        <Text className="entry__title">{guide.title}</Text>
        <Text className="entry__summary">{guide.summary}</Text>
        {guide.stepCount > 0 ? (
          <View className="entry__meta">
            <Text className="entry__badge">
              {t(guide.kind === 'tips' ? 'guides.tipCount' : 'guides.stepCount', { count: guide.stepCount })}
            </Text>
          </View>
        ) : null}
      </View>
      <View className="chevron entry__chevron" />
    </View>
  );
}

const BRING_PREVIEW = 3;

function ChannelEntry({ channel }: { channel: Channel }) {
  const { lang, t } = useI18n();
  const preview = joinList(lang, channel.bring.slice(0, BRING_PREVIEW));
  const more = channel.bring.length > BRING_PREVIEW ? ` ${t('guides.bringMore', { count: channel.bring.length })}` : '';
  return (
    <View
      className={`panel entry channel-entry js-channel-entry js-channel-${channel.id}`}
      id={`channel-${channel.id}`}
      onClick={() => openChannel(channel.card, channel.id)}
    >
      <View className="entry__main">
        <View className="entry__kind">
          <Text className={`kind-tag kind-tag--${channel.kind}`}>{t(`channelKind.${channel.kind}`)}</Text>
        </View>
        <Text className="entry__title">{channel.name}</Text>
        <Text className="entry__summary">{channel.summary}</Text>
        {channel.bring.length > 0 ? (
          <View className="entry__bring">
            <Text className="entry__bring-label">{t('guides.bring')}</Text>
            <Text className="entry__bring-items">
              {preview}
              {more}
            </Text>
          </View>
        ) : null}
        <View className="entry__cta">
          <Text>{t('guides.openChannel')}</Text>
        </View>
      </View>
      <View className="chevron entry__chevron" />
    </View>
  );
}

/*
 * Loading placeholders with the real entries' classes and structure: a guide's title, three lines of
 * summary and its badge; a channel's tag, title, summary, what-to-bring box and link. Each list shows as
 * many as the guides of a card have (one guide per kind, three channels), so when the replies arrive the
 * entries take the placeholders' places and nothing below them moves (the page jumped by 0.51 before).
 */
const SKELETON_COUNT = { guides: 1, channels: 3 } as const;

function GuideEntrySkeleton() {
  return (
    <View className="panel entry guide-entry">
      <View className="entry__main">
        <SkeletonText className="entry__title" widths={['62%']} />
        <SkeletonText className="entry__summary" widths={['100%', '100%', '55%']} />
        <View className="entry__meta">
          <SkeletonChip className="entry__badge" />
        </View>
      </View>
      <View className="chevron entry__chevron" />
    </View>
  );
}

function ChannelEntrySkeleton() {
  return (
    <View className="panel entry channel-entry">
      <View className="entry__main">
        <View className="entry__kind">
          <SkeletonChip className="kind-tag" chars={2} />
        </View>
        <SkeletonText className="entry__title" widths={['48%']} />
        <SkeletonText className="entry__summary" widths={['100%', '100%', '40%']} />
        <View className="entry__bring">
          <SkeletonText className="entry__bring-items" widths={['100%', '70%']} />
        </View>
        <View className="entry__cta">
          <SkeletonText widths={['30%']} />
        </View>
      </View>
      <View className="chevron entry__chevron" />
    </View>
  );
}

function EntriesLoading({ kind, count }: { kind: 'guide' | 'channel'; count: number }) {
  const { t } = useI18n();
  const Entry = kind === 'guide' ? GuideEntrySkeleton : ChannelEntrySkeleton;
  return (
    <View className="entry-list loading-skeleton js-loading" ariaLabel={t('state.loading')}>
      {Array.from({ length: count }, (_, index) => (
        <Entry key={index} />
      ))}
    </View>
  );
}

interface GuideListProps {
  query: CachedQuery<{ guides: GuideSummary[] }>;
  kind: GuideKind;
  /** In a section that has other content (offline: the channels), say nothing when there is no guide. */
  quiet?: boolean;
}

function GuideList({ query, kind, quiet = false }: GuideListProps) {
  // Also in a quiet list: the card's offline guide is coming, and its place is kept for it.
  if (query.status === 'loading') return <EntriesLoading kind="guide" count={SKELETON_COUNT.guides} />;
  if (query.status === 'error')
    return quiet ? null : <InlineError error={query.error} onRetry={() => void query.reload()} />;
  const guides = (query.data?.guides ?? []).filter((guide) => guide.kind === kind);
  if (guides.length === 0) return quiet ? null : <EmptyState />;
  return (
    <View className={`entry-list js-guides-${kind}`}>
      {guides.map((guide) => (
        <GuideEntry key={guide.slug} guide={guide} />
      ))}
    </View>
  );
}

function ChannelList({ query }: { query: CachedQuery<{ channels: Channel[] }> }) {
  if (query.status === 'loading') return <EntriesLoading kind="channel" count={SKELETON_COUNT.channels} />;
  if (query.status === 'error') return <InlineError error={query.error} onRetry={() => void query.reload()} />;
  const channels = query.data?.channels ?? [];
  if (channels.length === 0) return <EmptyState />;
  return (
    <View className="entry-list js-channels">
      {channels.map((channel) => (
        <ChannelEntry key={channel.id} channel={channel} />
      ))}
    </View>
  );
}

export default function GuidesPage() {
  const { t } = useI18n();
  usePageTitle(t('guides.title'));
  useTabBarLabels();

  const [card, setCard] = useCardChoice();
  const guides = useCachedQuery('listGuides', { query: { card } });
  const channels = useCachedQuery('listChannels', { query: { card } });

  const reloadAll = () => Promise.all([guides.reload(), channels.reload()]).then(() => undefined);
  usePullDownRefresh(() => {
    void reloadAll().finally(() => Taro.stopPullDownRefresh());
  });

  const bothFailed = guides.status === 'error' && channels.status === 'error';
  // Saved copies on screen while the network fails: one banner for the page, with the oldest save time.
  const stale = [guides, channels].filter((query) => query.fromCache && query.error !== null);
  const oldestSave = stale.reduce<number | null>(
    (oldest, query) =>
      query.cachedAt !== null && (oldest === null || query.cachedAt < oldest) ? query.cachedAt : oldest,
    null,
  );

  return (
    <View className="page guides js-page-guides">
      <View className="guides-head">
        <View className="guides-head__text">
          <Text className="guides-head__title">{t('guides.title')}</Text>
          <Text className="guides-head__hint">{t('guides.chooseCard')}</Text>
        </View>
        <LanguageSwitch />
      </View>

      <CardSwitcher card={card} onChange={setCard} />

      {stale.length > 0 ? (
        <OfflineBanner
          cachedAt={oldestSave}
          retrying={guides.refreshing || channels.refreshing}
          onRetry={() => void reloadAll()}
        />
      ) : null}

      {bothFailed ? (
        <View className="guides-error">
          <ErrorState error={guides.error} onRetry={() => void reloadAll()} />
        </View>
      ) : (
        <View className="guides-sections" key={card}>
          <Section title={t('guides.online')} className="js-section-online">
            <GuideList query={guides} kind="online" />
          </Section>
          <Section title={t('guides.offlineChannels')} className="js-section-offline">
            <GuideList query={guides} kind="offline" quiet />
            <ChannelList query={channels} />
          </Section>
          <Section title={t('guides.tips')} className="js-section-tips">
            <GuideList query={guides} kind="tips" />
          </Section>
        </View>
      )}

      <View className="guides-foot">
        <ScamWarning />
      </View>
    </View>
  );
}
