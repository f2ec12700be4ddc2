import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { useCachedQuery } from '../../api';
import { CardSwitcher } from '../../components/guides/card-switcher';
import { ChannelList, GuideList } from '../../components/guides/lists';
import { useCardChoice } from '../../components/guides/use-card-choice';
import { LanguageSwitch } from '../../components/language-switch';
import { OfflineBanner, ScamWarning } from '../../components/notices';
import { ErrorState } from '../../components/query-states';
import { Section } from '../../components/section';
import { useI18n } from '../../i18n';
import { usePageTitle } from '../../utils/use-page-title';
import { useTabBarLabels } from '../../utils/use-tab-bar-labels';
import './index.scss';

/**
 * The 指南 tab: a card's online guides, offline channels and tips (components/guides), one banner when
 * they are saved copies, and the language switch.
 */
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
