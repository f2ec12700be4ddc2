import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button } from '../../../../components/button';
import { CARDS } from '@cbc/shared';
import { z } from 'zod';
import { useCachedQuery } from '../../../../api';
import { useSession } from '../../../../auth';
import { LoginPrompt } from '../../../../components/login-prompt';
import { OfflineBanner, SimulationNotice } from '../../../../components/notices';
import { ErrorState, LoadingSkeleton } from '../../../../components/query-states';
import { routeUrl } from '../../../../constants/routes';
import { useI18n } from '../../../../i18n';
import { useTextSizeClass } from '../../../../settings';
import { openCards, showTopupResult } from '../../../../utils/navigation';
import { usePageTitle } from '../../../../utils/use-page-title';
import { useRefreshOnShow } from '../../../../utils/use-show-refresh';
import { OrderItem } from '../../components/order-item';
import { useOrderActions } from '../../components/use-order-actions';
import '../../components/topup.scss';
import './index.scss';

const cardIdParam = z.uuid();

/** 我的订单: every top-up order, newest first; unpaid ones can be paid or cancelled from here. */
export default function OrdersPage() {
  const { lang, t } = useI18n();
  const textSize = useTextSizeClass();
  const { loggedIn } = useSession();
  const router = useRouter();
  const cardId = cardIdParam.safeParse(router.params.cardId);
  usePageTitle(t('orders.title'));

  const query = useCachedQuery('listOrders', { query: cardId.success ? { cardId: cardId.data } : {} });
  useRefreshOnShow(() => void query.reload());
  usePullDownRefresh(() => {
    void query.reload().finally(() => Taro.stopPullDownRefresh());
  });
  const actions = useOrderActions(
    (orderId, result) => showTopupResult(orderId, result, 'push'),
    () => void query.reload(),
  );

  if (!loggedIn) {
    return (
      <View className={`page orders js-page-orders ${textSize}`}>
        <LoginPrompt title={t('orders.loginTitle')} body={t('orders.loginBody')} />
      </View>
    );
  }

  const orders = query.data?.orders ?? [];
  const filterCard = cardId.success ? orders[0] : undefined;

  let body;
  if (query.status === 'loading') {
    body = <LoadingSkeleton count={3} rows={2} />;
  } else if (query.status === 'error') {
    body = <ErrorState error={query.error} onRetry={() => void query.reload()} />;
  } else if (orders.length === 0) {
    body = (
      <View className="panel orders-empty js-empty">
        <View className="orders-empty__picture">
          <View className="orders-empty__slip" />
        </View>
        <Text className="orders-empty__title">{t('orders.emptyTitle')}</Text>
        <Text className="orders-empty__hint">{t('orders.emptyHint')}</Text>
        <Button type="primary" size="large" block className="js-go-cards" ariaRole="button" onClick={openCards}>
          {t('me.cards')}
        </Button>
      </View>
    );
  } else {
    body = (
      <View className="orders-list js-orders">
        {orders.map((order) => (
          <OrderItem key={order.id} order={order} actions={actions} />
        ))}
      </View>
    );
  }

  return (
    <View className={`page orders js-page-orders ${textSize}`}>
      {query.data && query.error ? (
        <OfflineBanner cachedAt={query.cachedAt} retrying={query.refreshing} onRetry={() => void query.reload()} />
      ) : null}
      {cardId.success ? (
        <View className="orders-filter js-orders-filter">
          <Text className="orders-filter__text">
            {t('orders.forCard', {
              card: filterCard
                ? `${CARDS[filterCard.cardType].name[lang]} ${filterCard.cardNumberMasked.slice(-4)}`
                : t('order.card'),
            })}
          </Text>
          <View
            className="orders-filter__all js-orders-all"
            ariaRole="button"
            onClick={() => void Taro.redirectTo({ url: routeUrl('orders') })}
          >
            {t('orders.showAll')}
          </View>
        </View>
      ) : null}
      {actions.error ? (
        <View className="topup-error js-form-error" ariaRole="alert">
          {actions.error.message}
        </View>
      ) : null}
      {body}
      <SimulationNotice />
    </View>
  );
}
