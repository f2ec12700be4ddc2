import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { formatDateTime, useI18n } from '../../i18n';
import './index.scss';

/** The 模拟 / Simulation notice. `text` overrides the catalog line (guides carry their own). */
export function SimulationNotice({ text }: { text?: string }) {
  const { t } = useI18n();
  return (
    <View className="notice notice--simulation js-simulation-notice">
      <Tag type="primary" className="notice__badge js-simulation-badge">
        {t('app.simulationBadge')}
      </Tag>
      <Text className="notice__text">{text ?? t('app.simulationNotice')}</Text>
    </View>
  );
}

/** The small 模拟 / Simulation badge, beside every simulated balance and payment amount. */
export function SimulationBadge({ className }: { className?: string }) {
  const { t } = useI18n();
  return (
    <Tag type="primary" className={`simulation-badge js-simulation-badge${className ? ` ${className}` : ''}`}>
      {t('app.simulationBadge')}
    </Tag>
  );
}

/** The scam-awareness line: official channels only. */
export function ScamWarning() {
  const { t } = useI18n();
  return (
    <View className="notice notice--scam js-scam-warning">
      <View className="notice__icon">!</View>
      <Text className="notice__text">{t('app.scamWarning')}</Text>
    </View>
  );
}

interface OfflineBannerProps {
  cachedAt: number | null;
  retrying: boolean;
  onRetry: () => void;
}

/** Shown while a page displays its saved copy because the last fetch failed. */
export function OfflineBanner({ cachedAt, retrying, onRetry }: OfflineBannerProps) {
  const { lang, t } = useI18n();
  const time = cachedAt === null ? '' : formatDateTime(lang, cachedAt);
  return (
    <View className="offline-banner js-offline-banner">
      <View className="offline-banner__dot" />
      <Text className="offline-banner__text">{t('state.offlineCached', { time })}</Text>
      <View
        className={`offline-banner__retry js-offline-retry${retrying ? ' is-busy' : ''}`}
        onClick={retrying ? undefined : onRetry}
      >
        {retrying ? t('state.loading') : t('state.retry')}
      </View>
    </View>
  );
}
