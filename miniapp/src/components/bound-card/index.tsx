import { Text, View } from '@tarojs/components';
import { CARDS, formatMoney, formatPlate, type BoundCard } from '@cbc/shared';
import { useI18n } from '../../i18n';
import { formatHomeDateTime } from '../history/format';
import { Joined } from '../joined';
import { noBreak } from '../../utils/no-break';
import { shade } from '../../utils/color';
import './index.scss';

/** From the card's colour to darker, never lighter: white text keeps at least the colour's own contrast. */
export function cardGradient(color: string): string {
  return `linear-gradient(135deg, ${color} 0%, ${shade(color, -0.12)} 45%, ${shade(color, -0.32)} 100%)`;
}

/** The verification state; `js-verification` on the detail row, `js-card-verification` on card faces. */
export function VerificationTag({ card, onFace = true }: { card: BoundCard; onFace?: boolean }) {
  const { t } = useI18n();
  return (
    <Text
      className={`verification-tag verification-tag--${card.verification}${
        onFace ? ' verification-tag--face js-card-verification' : ' js-verification'
      }`}
    >
      {t(`cards.verification.${card.verification}`)}
    </Text>
  );
}

/**
 * 示例 on every appearance of a card bound with 填入示例's generated data, and on each form field still
 * holding generated data: practice data must never pass for a real card or a real person's.
 */
export function SampleTag({ className }: { className?: string }) {
  const { t } = useI18n();
  return <Text className={`sample-tag js-sample-tag${className ? ` ${className}` : ''}`}>{t('cards.sample')}</Text>;
}

interface Props {
  card: BoundCard;
  onClick?: () => void;
  className?: string;
}

/**
 * A bound card as a card face in its type's colour: type, default flag, verification state, the
 * masked number (the full one never reaches the app), plates and the simulated balance.
 */
export function BoundCardFace({ card, onClick, className }: Props) {
  const { lang, t } = useI18n();
  const definition = CARDS[card.type];
  return (
    <View
      className={`bound-card${className ? ` ${className}` : ''}`}
      style={{ background: cardGradient(definition.color) }}
      onClick={onClick}
    >
      <View className="bound-card__glow" />
      <View className="bound-card__top">
        <Text className="bound-card__name">{definition.name[lang]}</Text>
        {card.isDefault ? <Text className="bound-card__default js-card-default">{t('cards.default')}</Text> : null}
        {card.sample ? <SampleTag className="sample-tag--face" /> : null}
        <View className="bound-card__spacer" />
        <VerificationTag card={card} />
      </View>
      <Text className="bound-card__number js-card-masked-number">{card.numberMasked}</Text>
      <View className="bound-card__bottom">
        <View className="bound-card__plates">
          {card.plates.map((plate) => (
            <Text key={`${plate.region}-${plate.number}`} className="bound-card__plate js-card-plate">
              {formatPlate(plate.region, plate.number)}
            </Text>
          ))}
        </View>
        <View className="bound-card__balance">
          <View className="bound-card__balance-head">
            <Text className="bound-card__sim">{t('app.simulationBadge')}</Text>
            <Text className="bound-card__balance-label">{t('cards.balance')}</Text>
          </View>
          <Text className="bound-card__amount js-card-balance">{formatMoney(card.balance)}</Text>
        </View>
      </View>
    </View>
  );
}

/**
 * One line per card (home page): colour dot, type, masked number, last top-up, default flag, balance, and 充值
 * (`onTopup`), which a card still waiting for its ID photo sends to its detail page instead.
 */
export function BoundCardRow({ card, onClick, onTopup }: Props & { onTopup?: () => void }) {
  const { lang, t } = useI18n();
  const definition = CARDS[card.type];
  return (
    <View className={`bound-row js-home-bound-card js-card-${card.id}`} onClick={onClick}>
      <View className="bound-row__swatch" style={{ background: cardGradient(definition.color) }} />
      <View className="bound-row__main">
        <View className="bound-row__title">
          <Text className="bound-row__name">{definition.name[lang]}</Text>
          {card.isDefault ? <Text className="bound-row__default js-card-default">{t('cards.default')}</Text> : null}
          {card.sample ? <SampleTag /> : null}
        </View>
        <Text className="bound-row__number js-card-masked-number">{card.numberMasked}</Text>
        {card.lastTopup ? (
          <Joined
            className="bound-row__last js-card-last-topup"
            parts={[
              t('home.lastTopup', { amount: formatMoney(card.lastTopup.amount) }),
              // One unit on the line: "3 Dec, 08:05" once broke as "3 / Dec, 08:05".
              noBreak(formatHomeDateTime(lang, card.lastTopup.at)),
            ]}
          />
        ) : (
          <Text className="bound-row__last js-card-last-topup">{t('home.noTopupYet')}</Text>
        )}
      </View>
      <View className="bound-row__side">
        <Text className="bound-row__amount js-card-balance">{formatMoney(card.balance)}</Text>
        {onTopup ? (
          <View
            className="bound-row__topup js-card-topup"
            ariaRole="button"
            ariaLabel={`${t('cards.topup')} ${definition.name[lang]} ${card.numberMasked.slice(-4)}`}
            onClick={(event) => {
              event.stopPropagation();
              onTopup();
            }}
          >
            {t('cards.topup')}
          </View>
        ) : null}
      </View>
    </View>
  );
}
