import { Input, Text, View } from '@tarojs/components';
import { ID_DOCUMENT_TYPES } from '@cbc/shared';
import { SampleTag } from '../../../components/bound-card';
import { ChoiceGroup } from '../../../components/choice-group';
import { FormField } from '../../../components/form-field';
import { useI18n } from '../../../i18n';
import { idNumberInputType } from '../../../utils/input-types';
import { ID_PHOTO_MAX_MB } from './id-photo';
import { PhotoPicker } from './photo-picker';
import type { CardForm } from './use-card-form';

/** The card holder: the ID document's type and number, its photo, and what happens to that photo. */
export function HolderFields({ card }: { card: CardForm }) {
  const { t } = useI18n();
  return (
    <View className="panel add-form">
      <FormField name="idDocument.type" label={t('cardAdd.idType')} error={null} bare>
        <ChoiceGroup
          testId="id-type"
          layout="grid"
          label={t('cardAdd.idType')}
          value={card.idType}
          onChange={card.chooseIdType}
          options={ID_DOCUMENT_TYPES.map((id) => ({ value: id, label: t(`cardAdd.idType.${id}`) }))}
        />
      </FormField>
      <FormField
        name="idDocument.number"
        label={t('cardAdd.idNumber')}
        extra={card.sampleId ? <SampleTag /> : null}
        error={card.shown('idDocument.number')}
      >
        <Input
          className="form-field__input form-field__input--mono js-id-number-input"
          placeholderClass="form-field__placeholder"
          type={idNumberInputType(card.idType === 'mainland_id')}
          maxlength={24}
          value={card.idNumber}
          placeholder={t(`cardAdd.idPlaceholder.${card.idType}`)}
          onInput={(event) => card.typeIdNumber(event.detail.value)}
          onBlur={() => card.form.touch('idDocument.number')}
        />
      </FormField>

      <FormField
        name="photo"
        label={t('cardAdd.photo')}
        hint={t('cardAdd.photoHint', { maxMb: ID_PHOTO_MAX_MB })}
        extra={card.samplePhoto ? <SampleTag /> : null}
        error={card.shown('photo')}
        bare
      >
        <PhotoPicker photo={card.photo} isSample={card.samplePhoto} onChoose={() => void card.choosePhoto()} />
      </FormField>
      <View className="privacy-note js-privacy-note">
        <View className="privacy-note__lock" />
        <Text className="privacy-note__text">{t('cardAdd.privacy')}</Text>
      </View>
    </View>
  );
}
