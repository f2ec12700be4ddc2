import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { CARDS, type Channel } from '@cbc/shared';
import { useCachedQuery } from '../../../../api';
import { BackToGuides } from '../../../../components/back-to-guides';
import { OfflineBanner, ScamWarning } from '../../../../components/notices';
import { ErrorState, LoadingSkeleton } from '../../../../components/query-states';
import { Section } from '../../../../components/section';
import { useI18n } from '../../../../i18n';
import { useTextSizeClass } from '../../../../settings';
import { parseCardId } from '../../../../utils/card-choice';
import { usePageTitle } from '../../../../utils/use-page-title';
import { Checklist, TimelineStep, TipList } from '../../components/detail-lists';
import './index.scss';

function ChannelBody({ channel }: { channel: Channel }) {
  const { lang, t } = useI18n();
  const card = CARDS[channel.card];
  return (
    <View className="js-channel-detail">
      <View className="panel detail-head">
        <View className="detail-head__tags">
          <Text className="detail-tag detail-tag--card" style={{ background: card.color }}>
            {card.name[lang]}
          </Text>
          <Text className="detail-tag js-channel-kind">{t(`channelKind.${channel.kind}`)}</Text>
        </View>
        <Text className="detail-head__title js-channel-title" id="channel-title">
          {channel.name}
        </Text>
        <Text className="detail-head__summary">{channel.summary}</Text>
      </View>

      <Checklist
        title={t('channel.bring')}
        items={channel.bring}
        hook="js-channel-bring"
        listId={`channel:${channel.card}:${channel.id}:bring`}
      />

      {channel.steps.length > 0 ? (
        <Section title={t('channel.steps')}>
          <View className="panel timeline js-channel-steps">
            {channel.steps.map((step, index) => (
              <TimelineStep key={`${index}-${step}`} index={index} hook="js-channel-step">
                <Text className="timeline__detail timeline__detail--only">{step}</Text>
              </TimelineStep>
            ))}
          </View>
        </Section>
      ) : null}

      <TipList title={t('channel.tips')} items={channel.tips} hook="js-channel-tips" />
    </View>
  );
}

/** There is no single-channel endpoint: the card's channel list (usually cached by the guides tab) has it. */
export default function ChannelDetailPage() {
  const { t } = useI18n();
  const textSize = useTextSizeClass();
  const router = useRouter();
  const card = parseCardId(router.params.card);
  const id = router.params.id ?? '';
  const query = useCachedQuery('listChannels', card ? { query: { card } } : null);
  const channel = query.data?.channels.find((item) => item.id === id);
  usePageTitle(channel?.name ?? t('guides.offlineChannels'));

  let body;
  if (!card) {
    body = <ErrorState error={null} title={t('channel.notFound')} />;
  } else if (query.status === 'loading') {
    body = <LoadingSkeleton count={3} rows={3} />;
  } else if (query.status === 'error') {
    body = <ErrorState error={query.error} onRetry={() => void query.reload()} />;
  } else if (channel) {
    body = <ChannelBody channel={channel} />;
  } else {
    body = <ErrorState error={null} title={t('channel.notFound')} />;
  }

  return (
    <View className={`page detail-page js-page-channel ${textSize}`}>
      {query.data && query.fromCache && query.error ? (
        <OfflineBanner cachedAt={query.cachedAt} retrying={query.refreshing} onRetry={() => void query.reload()} />
      ) : null}
      {body}
      <View className="detail-foot">
        <ScamWarning />
        <BackToGuides />
      </View>
    </View>
  );
}
