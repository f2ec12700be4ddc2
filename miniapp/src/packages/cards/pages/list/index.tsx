import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button } from '../../../../components/button';
import { MAX_CARDS_PER_ACCOUNT } from '@cbc/shared';
import { useCachedQuery } from '../../../../api';
import { useSession } from '../../../../auth';
import { BoundCardFace } from '../../../../components/bound-card';
import { LoginPrompt } from '../../../../components/login-prompt';
import { OfflineBanner, SimulationNotice } from '../../../../components/notices';
import { ErrorState, LoadingSkeleton } from '../../../../components/query-states';
import { useI18n } from '../../../../i18n';
import { useTextSizeClass } from '../../../../settings';
import { openCardAdd, openCardDetail, openOrders, openTopup } from '../../../../utils/navigation';
import { usePageTitle } from '../../../../utils/use-page-title';
import { useRefreshOnShow } from '../../../../utils/use-show-refresh';
import './index.scss';

function CardsEmpty() {
  const { t } = useI18n();
  return (
    <View className="panel cards-empty js-empty">
      <View className="cards-empty__picture">
        <View className="cards-empty__card" />
        <View className="cards-empty__plus" />
      </View>
      <Text className="cards-empty__title">{t('cards.emptyTitle')}</Text>
      <Text className="cards-empty__hint">{t('cards.emptyHint')}</Text>
      <Button type="primary" size="large" block className="cards-empty__add js-add-card" onClick={openCardAdd}>
        {t('cards.add')}
      </Button>
    </View>
  );
}

export default function CardsPage() {
  const { t } = useI18n();
  const textSize = useTextSizeClass();
  const { loggedIn } = useSession();
  usePageTitle(t('cards.title'));

  const query = useCachedQuery('listCards', {});
  // Back from binding, unbinding or a new default: show the list as it is now.
  useRefreshOnShow(() => void query.reload());
  usePullDownRefresh(() => {
    void query.reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (!loggedIn) {
    return (
      <View className={`page cards js-page-cards ${textSize}`}>
        <LoginPrompt title={t('cards.loginTitle')} body={t('cards.loginBody')} />
      </View>
    );
  }

  const cards = query.data?.cards ?? [];
  const full = cards.length >= MAX_CARDS_PER_ACCOUNT;

  let body;
  if (query.status === 'loading') {
    body = <LoadingSkeleton count={2} rows={2} />;
  } else if (query.status === 'error') {
    body = <ErrorState error={query.error} onRetry={() => void query.reload()} />;
  } else if (cards.length === 0) {
    body = <CardsEmpty />;
  } else {
    body = (
      <>
        <View className="cards-head">
          <Text className="cards-head__count js-cards-count">
            {t('cards.count', { count: cards.length, max: MAX_CARDS_PER_ACCOUNT })}
          </Text>
        </View>
        <View className="cards-list">
          {cards.map((card) => (
            <View key={card.id} className={`cards-list__item js-card-entry js-card-entry-${card.id}`}>
              <BoundCardFace
                card={card}
                className={`js-card-item js-card-${card.id}`}
                onClick={() => openCardDetail(card.id)}
              />
              <View className="card-actions">
                <View
                  className="card-actions__item js-card-orders"
                  ariaRole="button"
                  onClick={() => openOrders(card.id)}
                >
                  {t('cards.cardOrders')}
                </View>
                <View
                  className="card-actions__item card-actions__item--primary js-card-topup"
                  ariaRole="button"
                  // A card waiting for its ID photo goes to its page, where the upload is.
                  onClick={() => (card.verification === 'verified' ? openTopup(card.id) : openCardDetail(card.id))}
                >
                  {card.verification === 'verified' ? t('cards.topup') : t('cards.topupNeedsPhoto')}
                </View>
              </View>
            </View>
          ))}
        </View>
        <View className="cards-foot">
          <Button
            type="primary"
            size="large"
            block
            fill={full ? 'outline' : 'solid'}
            disabled={full}
            className="js-add-card"
            onClick={full ? undefined : openCardAdd}
          >
            {t('cards.add')}
          </Button>
          {full ? (
            <Text className="cards-foot__note js-cards-limit">
              {t('cards.limitReached', { max: MAX_CARDS_PER_ACCOUNT })}
            </Text>
          ) : null}
        </View>
      </>
    );
  }

  return (
    <View className={`page cards js-page-cards ${textSize}`}>
      {query.data && query.error ? (
        <OfflineBanner cachedAt={query.cachedAt} retrying={query.refreshing} onRetry={() => void query.reload()} />
      ) : null}
      {body}
      <View className="cards-notice">
        <SimulationNotice />
      </View>
    </View>
  );
}
