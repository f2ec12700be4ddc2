import { Text, View } from '@tarojs/components';
import { MAX_PLATES_PER_CARD } from '@cbc/shared';
import { useSession } from '../../../../auth';
import { LoginPrompt } from '../../../../components/login-prompt';
import { SimulationNotice } from '../../../../components/notices';
import { Section } from '../../../../components/section';
import { useI18n } from '../../../../i18n';
import { useTextSizeClass } from '../../../../settings';
import { usePageTitle } from '../../../../utils/use-page-title';
import { BindSubmit } from '../../components/bind-submit';
import { CardNumberFields } from '../../components/card-number-fields';
import { HolderFields } from '../../components/holder-fields';
import { PlateFields } from '../../components/plate-fields';
import { SampleFill } from '../../components/sample-fill';
import { useBindCard } from '../../components/use-bind-card';
import { useCardForm } from '../../components/use-card-form';
import '../../components/cards.scss';
import './index.scss';

export default function CardAddPage() {
  const { t } = useI18n();
  const textSize = useTextSizeClass();
  const { loggedIn } = useSession();
  usePageTitle(t('cardAdd.title'));
  const card = useCardForm();
  const bind = useBindCard(card);

  if (!loggedIn) {
    return (
      <View className={`page card-add js-page-card-add ${textSize}`}>
        <LoginPrompt title={t('cards.loginTitle')} body={t('cards.loginBody')} />
      </View>
    );
  }

  return (
    <View className={`page card-add js-page-card-add ${textSize}`}>
      <SampleFill filled={card.sample} onFill={() => void card.fillSample()} />
      <CardNumberFields card={card} />

      <Section title={t('cardAdd.plates')}>
        <View className="panel add-form">
          <Text className="add-form__hint">{t('cardAdd.platesHint', { max: MAX_PLATES_PER_CARD })}</Text>
          <PlateFields
            plates={card.plates}
            onChange={card.setPlates}
            shownError={card.shown}
            onEdited={card.form.edited}
            onTouched={card.form.touch}
            isSample={card.samplePlate}
          />
        </View>
      </Section>

      <Section title={t('cardAdd.holder')}>
        <HolderFields card={card} />
      </Section>

      <BindSubmit phase={bind.phase} formError={bind.formError} onSubmit={() => void bind.submit()} />

      <SimulationNotice />
    </View>
  );
}
