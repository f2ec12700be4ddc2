import { Text, View } from '@tarojs/components';
import { CARDS, CURRENCY_SYMBOLS, type CardId } from '@cbc/shared';
import { useI18n } from '../../i18n';
import { shade } from '../../utils/color';
import './index.scss';

/** A card-shaped block in the card's own colour: name, kind of card and balance currency. */
export function CardFace({ card, size = 'large' }: { card: CardId; size?: 'large' | 'small' }) {
  const { lang, t } = useI18n();
  const definition = CARDS[card];
  // Darker, never lighter than the card's colour: white text on it keeps AA contrast.
  const background = `linear-gradient(135deg, ${definition.color} 0%, ${shade(definition.color, -0.12)} 45%, ${shade(definition.color, -0.32)} 100%)`;
  return (
    <View className={`card-face card-face--${size} js-card-face-${card}`} style={{ background }}>
      <View className="card-face__glow" />
      <View className="card-face__top">
        <Text className="card-face__type">{t('home.cardType')}</Text>
        <View className="card-face__chip" />
      </View>
      <Text className="card-face__name">{definition.name[lang]}</Text>
      <View className="card-face__bottom">
        <Text className="card-face__currency">{definition.currency}</Text>
        <Text className="card-face__symbol">{CURRENCY_SYMBOLS[definition.currency]}</Text>
      </View>
    </View>
  );
}
