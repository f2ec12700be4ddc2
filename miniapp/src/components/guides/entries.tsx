import { Text, View } from '@tarojs/components';
import type { Channel, GuideSummary } from '@cbc/shared';
import { joinList, useI18n } from '../../i18n';
import { openChannel, openGuide } from '../../utils/navigation';

export function GuideEntry({ guide }: { guide: GuideSummary }) {
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

export function ChannelEntry({ channel }: { channel: Channel }) {
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
