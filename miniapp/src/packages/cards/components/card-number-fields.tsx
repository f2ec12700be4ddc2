import { Input, View } from '@tarojs/components';
import { CARD_IDS, CARDS } from '@cbc/shared';
import { SampleTag } from '../../../components/bound-card';
import { ChoiceGroup } from '../../../components/choice-group';
import { FormField } from '../../../components/form-field';
import { useI18n } from '../../../i18n';
import { CARD_NUMBER_FIELD_MAX, DIGITS_INPUT } from '../../../utils/input-types';
import { CardNumberGuide } from './number-guide';
import type { CardForm } from './use-card-form';

/** The bind form's first panel: which card, its number, and where that number is on the card. */
export function CardNumberFields({ card }: { card: CardForm }) {
  const { lang, t } = useI18n();
  return (
    <View className="panel add-form">
      <FormField name="type" label={t('cardAdd.type')} error={null} bare>
        <ChoiceGroup
          testId="card-type"
          label={t('cardAdd.type')}
          value={card.type}
          onChange={card.chooseType}
          options={CARD_IDS.map((id) => ({ value: id, label: CARDS[id].name[lang], color: CARDS[id].color }))}
        />
      </FormField>

      <FormField
        name="number"
        label={t('cardAdd.number')}
        extra={card.sampleNumber ? <SampleTag /> : null}
        error={card.shown('number')}
      >
        <Input
          className="form-field__input form-field__input--mono js-card-number-input"
          placeholderClass="form-field__placeholder"
          type={DIGITS_INPUT}
          maxlength={CARD_NUMBER_FIELD_MAX}
          value={card.number}
          placeholder={t('cardAdd.numberPlaceholder')}
          onInput={(event) => card.typeNumber(event.detail.value)}
          onBlur={() => card.form.touch('number')}
        />
      </FormField>
      <CardNumberGuide card={card.type} />
    </View>
  );
}
