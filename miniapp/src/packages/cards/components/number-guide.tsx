import { Text, View } from '@tarojs/components';
import { CARD_NUMBER_RULES, CARDS, type CardId } from '@cbc/shared';
import { cardGradient } from '../../../components/bound-card';
import { useI18n } from '../../../i18n';

/** A drawing of the card's front with the number row highlighted, and where to find the number. */
export function CardNumberGuide({ card }: { card: CardId }) {
  const { lang, t } = useI18n();
  const { prefix } = CARD_NUMBER_RULES[card];
  return (
    <View className={`number-guide js-number-guide js-number-guide-${card}`}>
      <View className="number-guide__card" style={{ background: cardGradient(CARDS[card].color) }}>
        <View className="number-guide__top">
          <Text className="number-guide__name">{CARDS[card].name[lang]}</Text>
          <View className="number-guide__chip" />
        </View>
        <View className="number-guide__number">
          <Text className="number-guide__digits">{prefix}</Text>
          {[1, 2, 3].map((group) => (
            <View key={group} className="number-guide__group">
              {[1, 2, 3, 4].map((dot) => (
                <View key={dot} className="number-guide__dot" />
              ))}
            </View>
          ))}
        </View>
      </View>
      <View className="number-guide__caption">
        <Text className="number-guide__text">{t('cardAdd.whereNumber', { prefix })}</Text>
      </View>
    </View>
  );
}
