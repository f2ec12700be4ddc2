import { View } from '@tarojs/components';
import type { Channel, GuideKind, GuideSummary } from '@cbc/shared';
import type { CachedQuery } from '../../api';
import { EmptyState, InlineError } from '../query-states';
import { ChannelEntry, GuideEntry } from './entries';
import { EntriesLoading, SKELETON_COUNT } from './entries-loading';

interface GuideListProps {
  query: CachedQuery<{ guides: GuideSummary[] }>;
  kind: GuideKind;
  /** In a section that has other content (offline: the channels), say nothing when there is no guide. */
  quiet?: boolean;
}

export function GuideList({ query, kind, quiet = false }: GuideListProps) {
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

export function ChannelList({ query }: { query: CachedQuery<{ channels: Channel[] }> }) {
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
