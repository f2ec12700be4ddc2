import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/button';
import { CARD_IDS, CARDS, type CardId, type CardList } from '@cbc/shared';
import { useCachedQuery, type CachedQuery } from '../../api';
import { useSession } from '../../auth';
import { BoundCardRow } from '../../components/bound-card';
import { CardFace } from '../../components/card-face';
import { LanguageSwitch } from '../../components/language-switch';
import { LowBalanceWarning } from '../../components/low-balance';
import { ScamWarning, SimulationBadge, SimulationNotice } from '../../components/notices';
import { InlineError, LoadingSkeleton } from '../../components/query-states';
import { Section } from '../../components/section';
import { useI18n } from '../../i18n';
import { useTextSizeClass } from '../../settings';
import {
  openCardAdd,
  openCardDetail,
  openCards,
  openLogin,
  openOrders,
  openTopup,
  switchToGuides,
} from '../../utils/navigation';
import { usePageTitle } from '../../utils/use-page-title';
import { useRefreshOnShow } from '../../utils/use-show-refresh';
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

/** Logged in: the user's bound cards with their (simulated) balances, and the way to 我的卡片. */
function MyCards({ query, shown }: { query: CachedQuery<CardList>; shown: number }) {
  const { t } = useI18n();
  const cards = query.data?.cards ?? [];

  let body;
  if (query.status === 'loading') {
    body = <LoadingSkeleton count={1} rows={2} />;
  } else if (query.status === 'error' && !query.data) {
    body = <InlineError error={query.error} onRetry={() => void query.reload()} />;
  } else if (cards.length === 0) {
    body = (
      <View className="panel my-cards my-cards--empty js-home-no-cards">
        <Text className="my-cards__empty">{t('home.myCardsEmpty')}</Text>
        <Button type="primary" size="small" className="js-home-bind-card" onClick={openCardAdd}>
          {t('home.bindCard')}
        </Button>
      </View>
    );
  } else {
    body = (
      <View className="panel my-cards js-home-cards">
        {cards.map((card) => (
          <View key={card.id} className="my-cards__item">
            <BoundCardRow
              card={card}
              onClick={() => openCardDetail(card.id)}
              // A card still waiting for its ID photo cannot be topped up: its page has the upload.
              onTopup={() => (card.verification === 'verified' ? openTopup(card.id) : openCardDetail(card.id))}
            />
            <LowBalanceWarning card={card} onTopup={() => openTopup(card.id)} shown={shown} />
          </View>
        ))}
      </View>
    );
  }

  return (
    <Section
      title={t('home.myCardsTitle')}
      className="js-home-my-cards"
      extra={
        <View className="my-cards__extra">
          <SimulationBadge className="my-cards__badge" />
          <Text className="my-cards__all js-home-all-cards" onClick={openCards}>
            {t('home.myCardsAll')}
          </Text>
        </View>
      }
    >
      {body}
    </Section>
  );
}

export default function HomePage() {
  const { t } = useI18n();
  const textSize = useTextSizeClass();
  const { loggedIn } = useSession();
  usePageTitle(t('app.navTitle'));
  useTabBarLabels();
  // Waits while logged out (the endpoint needs a session); shared by 我的卡片 and the practice panel.
  const cards = useCachedQuery('listCards', {});
  const [shown, setShown] = useState(0);
  useRefreshOnShow(() => {
    void cards.reload();
    setShown((n) => n + 1);
  });
  const hasCards = (cards.data?.cards.length ?? 0) > 0;

  return (
    <View className={`page home js-page-home ${textSize}`}>
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

      {loggedIn ? <MyCards query={cards} shown={shown} /> : null}

      <Section title={t('home.cardsTitle')}>
        {CARD_IDS.map((card) => (
          <CardIntro key={card} card={card} />
        ))}
      </Section>

      <Section title={t('home.simulationTitle')}>
        <View className="panel practice js-practice">
          <Text className="practice__body">{t('home.simulationBody')}</Text>
          {loggedIn ? (
            <View className="practice__foot">
              <Text className="practice__hint">{hasCards ? t('home.practiceHint') : t('home.practiceNoCard')}</Text>
              <Button
                type="default"
                size="normal"
                className="practice__button js-practice-orders"
                ariaRole="button"
                onClick={() => openOrders()}
              >
                {t('home.practiceOrders')}
              </Button>
            </View>
          ) : (
            <View className="practice__foot">
              <Button
                type="primary"
                size="large"
                block
                className="practice__login js-practice-login"
                ariaRole="button"
                onClick={openLogin}
              >
                {t('home.practiceLogin')}
              </Button>
            </View>
          )}
        </View>
      </Section>

      <ScamWarning />
    </View>
  );
}
