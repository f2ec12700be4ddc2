import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { CARDS, formatMoney, formatPlate, type BoundCard } from '@cbc/shared';
import { VerificationTag } from '../../../components/bound-card';
import { SimulationBadge } from '../../../components/notices';
import { formatDateTime, useI18n } from '../../../i18n';
import { noBreak } from '../../../utils/no-break';

function Row({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <View className={`detail-row${className ? ` ${className}` : ''}`}>
      <Text className="detail-row__label">{label}</Text>
      <View className="detail-row__value">{children}</View>
    </View>
  );
}

/**
 * What is known of a bound card, row by row: type, number, plates, holder, verification, balance and
 * whether it is the default (with 设为默认卡片 when it is not; not while `busy`).
 */
export function CardInfoRows({
  card,
  busy,
  onSetDefault,
}: {
  card: BoundCard;
  busy: boolean;
  onSetDefault: () => void;
}) {
  const { lang, t } = useI18n();
  return (
    <View className="panel detail-rows">
      <Row label={t('cardAdd.type')}>
        <Text>{CARDS[card.type].name[lang]}</Text>
      </Row>
      <Row label={t('cardDetail.number')} className="detail-row--whole">
        <Text className="detail-row__mono js-card-detail-number">{noBreak(card.numberMasked)}</Text>
      </Row>
      <Row label={t('cards.plates')}>
        <View className="detail-plates">
          {card.plates.map((plate) => (
            <Text key={`${plate.region}-${plate.number}`} className="detail-plate">
              <Text className="detail-plate__region">{t(`cardAdd.plateRegion.${plate.region}`)}</Text>
              <Text className="detail-plate__number">{formatPlate(plate.region, plate.number)}</Text>
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
            onClick={busy ? undefined : onSetDefault}
          >
            {t('cardDetail.setDefault')}
          </Text>
        )}
      </Row>
      <Text className="detail-bound-at">
        {t('cardDetail.boundAt', { date: formatDateTime(lang, Date.parse(card.createdAt)) })}
      </Text>
    </View>
  );
}
