import { Text, View } from '@tarojs/components';
import { CARD_IDS, CARDS, type CardId } from '@cbc/shared';
import { useI18n } from '../../i18n';

export function CardSwitcher({ card, onChange }: { card: CardId; onChange: (card: CardId) => void }) {
  const { lang, t } = useI18n();
  return (
    <View className="card-switch js-card-switch" ariaLabel={t('guides.chooseCard')}>
      {CARD_IDS.map((id) => {
        const active = id === card;
        return (
          <View
            key={id}
            id={`card-tab-${id}`}
            className={`card-switch__item js-card-tab js-card-tab-${id}${active ? ' is-active' : ''}`}
            style={active ? { background: CARDS[id].color } : undefined}
            onClick={() => onChange(id)}
          >
            <View className="card-switch__dot" style={active ? undefined : { background: CARDS[id].color }} />
            <Text className="card-switch__name">{CARDS[id].name[lang]}</Text>
          </View>
        );
      })}
    </View>
  );
}
