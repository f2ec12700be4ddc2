import { useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { BoundCard } from '@cbc/shared';
import { z } from 'zod';
import { useCachedQuery } from '../../../../api';
import { useSession } from '../../../../auth';
import { BoundCardFace } from '../../../../components/bound-card';
import { LoginPrompt } from '../../../../components/login-prompt';
import { SimulationNotice } from '../../../../components/notices';
import { ErrorState, LoadingSkeleton } from '../../../../components/query-states';
import { useI18n } from '../../../../i18n';
import { useTextSizeClass } from '../../../../settings';
import { backToCards, openOrders, openTopup } from '../../../../utils/navigation';
import { usePageTitle } from '../../../../utils/use-page-title';
import { useRefreshOnShow } from '../../../../utils/use-show-refresh';
import { CardAlerts } from '../../components/card-alerts';
import { CardInfoRows } from '../../components/card-info-rows';
import { CardUseLinks } from '../../components/card-use-links';
import { PhotoNeeded } from '../../components/photo-needed';
import { useCardActions } from '../../components/use-card-actions';
import './index.scss';

const cardIdParam = z.uuid();

interface BodyProps {
  card: BoundCard;
  onChanged: () => Promise<void>;
  /** Grows each time the page shows again (back from a trip or the planner). */
  shown: number;
}

function CardDetailBody({ card, onChanged, shown }: BodyProps) {
  const { t } = useI18n();
  const actions = useCardActions(card.id, onChanged);
  const { busy } = actions;

  return (
    <View className="js-card-detail">
      <BoundCardFace card={card} className="detail-face" />

      {card.verification === 'verified' ? (
        <View className="detail-actions">
          <Button
            type="default"
            size="large"
            className="detail-actions__orders js-card-orders"
            ariaRole="button"
            onClick={() => openOrders(card.id)}
          >
            {t('cards.cardOrders')}
          </Button>
          <Button
            type="primary"
            size="large"
            className="detail-actions__topup js-card-topup"
            ariaRole="button"
            onClick={() => openTopup(card.id)}
          >
            {t('cards.topup')}
          </Button>
        </View>
      ) : null}

      {card.verification === 'photo_required' ? (
        <PhotoNeeded
          uploading={busy === 'upload'}
          disabled={busy !== null}
          onUpload={() => void actions.uploadPhoto()}
        />
      ) : null}

      <CardInfoRows card={card} busy={busy !== null} onSetDefault={() => void actions.setDefault()} />

      {card.verification === 'verified' ? (
        <>
          <CardUseLinks cardId={card.id} />
          <CardAlerts card={card} shown={shown} />
        </>
      ) : null}

      {actions.error ? <View className="detail-error js-action-error">{actions.error}</View> : null}

      <View className="detail-unbind js-unbind" onClick={busy ? undefined : () => void actions.unbind()}>
        {busy === 'unbind' ? t('state.loading') : t('cardDetail.unbind')}
      </View>
    </View>
  );
}

export default function CardDetailPage() {
  const { t } = useI18n();
  const textSize = useTextSizeClass();
  const { loggedIn } = useSession();
  const router = useRouter();
  const id = cardIdParam.safeParse(router.params.id);
  usePageTitle(t('cardDetail.title'));

  const query = useCachedQuery('getCard', id.success ? { params: { id: id.data } } : null);
  const [shown, setShown] = useState(0);
  useRefreshOnShow(() => {
    void query.reload();
    setShown((n) => n + 1);
  });

  let body;
  if (!loggedIn) {
    body = <LoginPrompt title={t('cards.loginTitle')} body={t('cards.loginBody')} />;
  } else if (!id.success) {
    body = <ErrorState error={null} />;
  } else if (query.status === 'loading') {
    body = <LoadingSkeleton count={2} rows={3} />;
  } else if (query.status === 'error') {
    const missing = query.error?.status === 404;
    body = (
      <ErrorState error={query.error} onRetry={missing ? undefined : () => void query.reload()}>
        {missing ? (
          <Button type="default" className="query-state__action js-back-to-cards" onClick={backToCards}>
            {t('cards.title')}
          </Button>
        ) : null}
      </ErrorState>
    );
  } else if (query.data) {
    body = <CardDetailBody card={query.data} onChanged={query.reload} shown={shown} />;
  }

  return (
    <View className={`page card-detail js-page-card-detail ${textSize}`}>
      {body}
      <View className="detail-notice">
        <SimulationNotice />
      </View>
    </View>
  );
}
