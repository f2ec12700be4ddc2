import { useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { CARDS, formatMoney, formatPlate, type BoundCard } from '@cbc/shared';
import { z } from 'zod';
import { request, toApiError, uploadFile, useCachedQuery } from '../../../../api';
import { useSession } from '../../../../auth';
import { BoundCardFace, VerificationTag } from '../../../../components/bound-card';
import { LoginPrompt } from '../../../../components/login-prompt';
import { SimulationBadge, SimulationNotice } from '../../../../components/notices';
import { ErrorState, LoadingSkeleton } from '../../../../components/query-states';
import { formatDateTime, useI18n } from '../../../../i18n';
import { useTextSizeClass } from '../../../../settings';
import {
  backToCards,
  openCardHistory,
  openOrders,
  openPlanner,
  openTopup,
  openTrip,
} from '../../../../utils/navigation';
import { usePageTitle } from '../../../../utils/use-page-title';
import { useRefreshOnShow } from '../../../../utils/use-show-refresh';
import { ID_PHOTO_MAX_MB, isPhotoTooLarge, pickIdPhoto } from '../../components/id-photo';
import { AutoTopupPanel } from '../../components/auto-topup-panel';
import { ReminderPanel } from '../../components/reminder-panel';
import { useReloadWhenShown } from '../../components/use-reload-when-shown';
import './index.scss';

const cardIdParam = z.uuid();

/** A tappable row that opens another page (模拟通行, 交易记录, 规划充值周期). */
function LinkRow({ label, className, onClick }: { label: string; className: string; onClick: () => void }) {
  return (
    <View className={`use-link ${className}`} ariaRole="button" onClick={onClick}>
      <Text className="use-link__label">{label}</Text>
      <View className="use-link__chevron" />
    </View>
  );
}

function Row({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <View className={`detail-row${className ? ` ${className}` : ''}`}>
      <Text className="detail-row__label">{label}</Text>
      <View className="detail-row__value">{children}</View>
    </View>
  );
}

/** The low-balance reminder and the auto top-up it triggers: both read the one threshold. */
function CardAlerts({ card, shown }: { card: BoundCard; shown: number }) {
  const reminder = useCachedQuery('getReminder', { params: { id: card.id } });
  useReloadWhenShown(shown, reminder.reload);
  return (
    <>
      <ReminderPanel card={card} query={reminder} />
      <AutoTopupPanel
        card={card}
        thresholdSet={reminder.data ? reminder.data.threshold !== null : undefined}
        shown={shown}
      />
    </>
  );
}

interface BodyProps {
  card: BoundCard;
  onChanged: () => Promise<void>;
  /** Grows each time the page shows again (back from a trip or the planner). */
  shown: number;
}

function CardDetailBody({ card, onChanged, shown }: BodyProps) {
  const { lang, t } = useI18n();
  const [busy, setBusy] = useState<'default' | 'unbind' | 'upload' | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const run = async (kind: 'default' | 'unbind' | 'upload', action: () => Promise<void>) => {
    setBusy(kind);
    setActionError(null);
    try {
      await action();
    } catch (caught) {
      setActionError(toApiError(caught).message);
    } finally {
      setBusy(null);
    }
  };

  const setDefault = () =>
    run('default', async () => {
      await request('updateCard', { lang, params: { id: card.id }, body: { isDefault: true } });
      void Taro.showToast({ title: t('cardDetail.defaultSet'), icon: 'success' });
      await onChanged();
    });

  const uploadPhoto = async () => {
    const photo = await pickIdPhoto();
    if (!photo) return;
    if (isPhotoTooLarge(photo)) {
      setActionError(t('cardAdd.photoTooLarge', { maxMb: ID_PHOTO_MAX_MB }));
      return;
    }
    await run('upload', async () => {
      await uploadFile('uploadIdPhoto', { params: { id: card.id }, lang }, photo.path);
      void Taro.showToast({ title: t('cardDetail.uploadSuccess'), icon: 'success' });
      await onChanged();
    });
  };

  const unbind = async () => {
    const { confirm } = await Taro.showModal({
      title: t('cardDetail.unbindTitle'),
      content: t('cardDetail.unbindBody'),
      confirmText: t('cardDetail.unbindConfirm'),
      cancelText: t('common.cancel'),
      confirmColor: '#cb2634',
    });
    if (!confirm) return;
    await run('unbind', async () => {
      await request('unbindCard', { lang, params: { id: card.id } });
      void Taro.showToast({ title: t('cardDetail.unbound'), icon: 'success' });
      backToCards();
    });
  };

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
        <View className="panel photo-needed js-photo-needed">
          <Text className="photo-needed__text">{t('cardDetail.photoNeeded')}</Text>
          <Button
            type="primary"
            size="normal"
            loading={busy === 'upload'}
            disabled={busy !== null}
            className="photo-needed__button js-upload-photo"
            onClick={() => void uploadPhoto()}
          >
            {t('cardDetail.uploadPhoto')}
          </Button>
          <Text className="photo-needed__privacy">{t('cardAdd.privacy')}</Text>
        </View>
      ) : null}

      <View className="panel detail-rows">
        <Row label={t('cardAdd.type')}>
          <Text>{CARDS[card.type].name[lang]}</Text>
        </Row>
        <Row label={t('cardDetail.number')}>
          <Text className="detail-row__mono js-card-detail-number">{card.numberMasked}</Text>
        </Row>
        <Row label={t('cards.plates')}>
          <View className="detail-plates">
            {card.plates.map((plate) => (
              <Text key={`${plate.region}-${plate.number}`} className="detail-plate">
                <Text className="detail-plate__region">{t(`cardAdd.plateRegion.${plate.region}`)}</Text>
                {formatPlate(plate.region, plate.number)}
              </Text>
            ))}
          </View>
        </Row>
        <Row label={t('cardAdd.holder')}>
          <Text>{t(`cardAdd.idType.${card.holder.idType}`)}</Text>
          <Text className="detail-row__mono detail-row__sub js-card-detail-id">{card.holder.idNumberMasked}</Text>
        </Row>
        <Row label={t('cardDetail.verification')}>
          <VerificationTag card={card} onFace={false} />
        </Row>
        <Row label={t('cards.balance')} className="detail-row--balance">
          <View className="detail-balance">
            <SimulationBadge className="detail-balance__badge" />
            <Text className="detail-balance__amount js-card-detail-balance">{formatMoney(card.balance)}</Text>
          </View>
          <Text className="detail-row__sub">{t('cardDetail.balanceNote')}</Text>
        </Row>
        <Row label={t('cards.default')}>
          {card.isDefault ? (
            <Text className="detail-default js-card-detail-default">{t('cardDetail.isDefault')}</Text>
          ) : (
            <Text
              className={`detail-link js-set-default${busy ? ' is-busy' : ''}`}
              onClick={busy ? undefined : () => void setDefault()}
            >
              {t('cardDetail.setDefault')}
            </Text>
          )}
        </Row>
        <Text className="detail-bound-at">
          {t('cardDetail.boundAt', { date: formatDateTime(lang, Date.parse(card.createdAt)) })}
        </Text>
      </View>

      {card.verification === 'verified' ? (
        <>
          <View className="panel use-links js-card-use">
            <Text className="use-links__title">{t('cardDetail.useTitle')}</Text>
            <LinkRow label={t('cardDetail.trip')} className="js-card-trip" onClick={() => openTrip(card.id)} />
            <LinkRow
              label={t('cardDetail.history')}
              className="js-card-history"
              onClick={() => openCardHistory(card.id)}
            />
            <LinkRow label={t('cardDetail.planner')} className="js-card-planner" onClick={() => openPlanner(card.id)} />
          </View>
          <CardAlerts card={card} shown={shown} />
        </>
      ) : null}

      {actionError ? <View className="detail-error js-action-error">{actionError}</View> : null}

      <View className="detail-unbind js-unbind" onClick={busy ? undefined : () => void unbind()}>
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
