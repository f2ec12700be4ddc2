import { View } from '@tarojs/components';
import { SkeletonChip, SkeletonText } from '../query-states';
import { useI18n } from '../../i18n';

/*
 * Loading placeholders with the real entries' classes and structure: a guide's title, three lines of
 * summary and its badge; a channel's tag, title, summary, what-to-bring box and link. Each list shows as
 * many as the guides of a card have (one guide per kind, three channels), so when the replies arrive the
 * entries take the placeholders' places and nothing below them moves (the page jumped by 0.51 before).
 */
export const SKELETON_COUNT = { guides: 1, channels: 3 } as const;

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

export function EntriesLoading({ kind, count }: { kind: 'guide' | 'channel'; count: number }) {
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
