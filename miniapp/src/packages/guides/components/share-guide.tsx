import Taro from '@tarojs/taro';
import { Button } from '../../../components/button';
import { routeUrl } from '../../../constants/routes';
import { useI18n } from '../../../i18n';

/** The address that opens this guide in the browser build (hash routing), wherever it is served. */
export function guideLink(slug: string): string {
  return `${window.location.origin}${window.location.pathname}#${routeUrl('guideDetail', { slug })}`;
}

/**
 * In the browser there is no share menu: copy a deep link that opens this guide. WeChat's build
 * shares through its own menu and a share button (share-guide.weapp.tsx).
 */
export function ShareGuide({ slug }: { slug: string; title: string }) {
  const { t } = useI18n();
  const copy = () => {
    Taro.setClipboardData({ data: guideLink(slug) }).then(
      () => void Taro.showToast({ title: t('guide.linkCopied'), icon: 'success' }),
      () => undefined,
    );
  };
  return (
    <Button type="default" size="large" block className="share-guide js-share-guide" onClick={copy}>
      {t('guide.copyLink')}
    </Button>
  );
}
