import { useShareAppMessage } from '@tarojs/taro';
import { Button } from '../../../components/button';
import { routeUrl } from '../../../constants/routes';
import { useI18n } from '../../../i18n';

/**
 * WeChat: the page's share menu (and this button, `open-type="share"`) sends a share card titled
 * with the guide that opens it. The page config enables the menu (enableShareAppMessage).
 */
export function ShareGuide({ slug, title }: { slug: string; title: string }) {
  const { t } = useI18n();
  useShareAppMessage(() => ({ title, path: routeUrl('guideDetail', { slug }) }));
  return (
    <Button type="default" size="large" block openType="share" className="share-guide js-share-guide">
      {t('guide.share')}
    </Button>
  );
}
