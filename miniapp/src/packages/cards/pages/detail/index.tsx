import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '../../../../components/button';
import type { BoundCard } from '@cbc/shared';
import { BoundCardFace } from '../../../../components/bound-card';
import { SimulationNotice } from '../../../../components/notices';
import { useI18n } from '../../../../i18n';
import { useTextSizeClass } from '../../../../settings';
import { openOrders, openTopup } from '../../../../utils/navigation';
import { usePageTitle } from '../../../../utils/use-page-title';
import { useRefreshOnShow } from '../../../../utils/use-show-refresh';
import { CardAlerts } from '../../components/card-alerts';
import { CardInfoRows } from '../../components/card-info-rows';
import { CardUseLinks } from '../../components/card-use-links';
import { PhotoNeeded } from '../../components/photo-needed';
import { RouteCardBody, useRouteCard } from '../../components/route-card';
import { useCardActions } from '../../components/use-card-actions';
import './index.scss';

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
  usePageTitle(t('cardDetail.title'));
  const card = useRouteCard();
  const [shown, setShown] = useState(0);
  useRefreshOnShow(() => {
    void card.query.reload();
    setShown((n) => n + 1);
  });

  return (
    <View className={`page card-detail js-page-card-detail ${textSize}`}>
      <RouteCardBody card={card}>
        {(loaded) => <CardDetailBody card={loaded} onChanged={card.query.reload} shown={shown} />}
      </RouteCardBody>
      <View className="detail-notice">
        <SimulationNotice />
      </View>
    </View>
  );
}
