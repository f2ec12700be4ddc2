import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { CARD_IDS, CARDS, type CardId } from '@cbc/shared';
import { CardFace } from '../../components/card-face';
import { LanguageSwitch } from '../../components/language-switch';
import { ScamWarning, SimulationNotice } from '../../components/notices';
import { Section } from '../../components/section';
import { useI18n } from '../../i18n';
import { switchToGuides } from '../../utils/navigation';
import { usePageTitle } from '../../utils/use-page-title';
import { useTabBarLabels } from '../../utils/use-tab-bar-labels';
import './index.scss';

function CardIntro({ card }: { card: CardId }) {
  const { lang, t } = useI18n();
  const definition = CARDS[card];
  return (
    <View className={`panel card-intro js-home-card js-home-card-${card}`} onClick={() => switchToGuides(card)}>
      <CardFace card={card} />
      <View className="card-intro__rows">
        <View className="card-intro__row">
          <Text className="card-intro__label">{t('home.cardCoverage')}</Text>
          <Text className="card-intro__value">{definition.coverage[lang]}</Text>
        </View>
        <View className="card-intro__row">
          <Text className="card-intro__label">{t('home.cardCurrency')}</Text>
          <Text className="card-intro__value">{t(`currency.${definition.currency}`)}</Text>
        </View>
      </View>
      <View className="card-intro__link">
        <Text>{t('home.cardOpenGuides')}</Text>
        <View className="card-intro__chevron" />
      </View>
    </View>
  );
}

export default function HomePage() {
  const { t } = useI18n();
  usePageTitle(t('app.name'));
  useTabBarLabels();

  return (
    <View className="page home js-page-home">
      <View className="home-hero">
        <View className="home-hero__top">
          <Text className="home-hero__app js-app-name">{t('app.name')}</Text>
          <LanguageSwitch tone="onBrand" />
        </View>
        <Text className="home-hero__title">{t('home.welcomeTitle')}</Text>
        <Text className="home-hero__body">{t('home.welcomeBody')}</Text>
        <Button
          type="default"
          size="large"
          block
          className="home-hero__cta js-open-guides"
          id="open-guides"
          onClick={() => switchToGuides()}
        >
          {t('home.openGuides')}
        </Button>
      </View>

      <SimulationNotice />

      <Section title={t('home.cardsTitle')}>
        {CARD_IDS.map((card) => (
          <CardIntro key={card} card={card} />
        ))}
      </Section>

      <Section title={t('home.simulationTitle')}>
        <View className="panel practice js-practice">
          <Text className="practice__body">{t('home.simulationBody')}</Text>
          <View className="practice__foot">
            <Text className="practice__soon js-practice-soon">{t('home.simulationSoon')}</Text>
          </View>
        </View>
      </Section>

      <ScamWarning />
    </View>
  );
}
