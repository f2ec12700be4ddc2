import { View } from '@tarojs/components';
import { useI18n } from '../../i18n';
import { backToGuides } from '../../utils/navigation';
import './index.scss';

/** A way out that also works when the page was opened by a deep link (no history to go back to). */
export function BackToGuides() {
  const { t } = useI18n();
  return (
    <View className="back-to-guides js-back-to-guides" onClick={backToGuides}>
      <View className="back-to-guides__arrow" />
      {t('common.backToGuides')}
    </View>
  );
}
