import { Input, Text, View } from '@tarojs/components';
import { MAX_PLATES_PER_CARD, PLATE_REGIONS, type PlateRegion } from '@cbc/shared';
import { SampleTag } from '../../../components/bound-card';
import { ChoiceGroup } from '../../../components/choice-group';
import { FormField } from '../../../components/form-field';
import { useI18n } from '../../../i18n';

export type PlateField = `plates.${number}.number`;
export const plateField = (index: number): PlateField => `plates.${index}.number`;

export interface PlateDraft {
  key: number;
  region: PlateRegion;
  number: string;
}

/** Placeholder examples in each region's painted form (plates are data, not text to translate). */
const PLATE_EXAMPLES: Record<PlateRegion, string> = { mainland: '粤Z·1234港', hk: 'AB 1234', macau: 'MX-12-34' };

interface Props {
  plates: PlateDraft[];
  onChange: (plates: PlateDraft[]) => void;
  /** The error to show under a plate now (client check after a touch or submit, or the server's). */
  shownError: (field: PlateField) => string | null;
  onEdited: (field: PlateField) => void;
  onTouched: (field: PlateField) => void;
  /** Whether a plate still holds 填入示例's generated value. */
  isSample: (plate: PlateDraft) => boolean;
}

/** The card's plates (one to MAX_PLATES_PER_CARD): region, number, remove, add another. */
export function PlateFields({ plates, onChange, shownError, onEdited, onTouched, isSample }: Props) {
  const { t } = useI18n();
  const regionOptions = PLATE_REGIONS.map((region) => ({ value: region, label: t(`cardAdd.plateRegion.${region}`) }));

  const edit = (index: number, change: Partial<PlateDraft>) => {
    onChange(plates.map((plate, i) => (i === index ? { ...plate, ...change } : plate)));
    onEdited(plateField(index));
  };

  return (
    <>
      {plates.map((plate, index) => (
        <View key={plate.key} className={`plate-row js-plate-row${index > 0 ? ' plate-row--more' : ''}`}>
          <FormField
            name={plateField(index)}
            label={t('cardAdd.plateN', { n: index + 1 })}
            extra={
              <>
                {isSample(plate) ? <SampleTag /> : null}
                {plates.length > 1 ? (
                  <View
                    className="plate-row__remove js-remove-plate"
                    ariaRole="button"
                    ariaLabel={`${t('cardAdd.removePlate')} ${t('cardAdd.plateN', { n: index + 1 })}`}
                    onClick={() => onChange(plates.filter((_, i) => i !== index))}
                  >
                    {t('cardAdd.removePlate')}
                  </View>
                ) : null}
              </>
            }
            error={shownError(plateField(index))}
            bare
          >
            <ChoiceGroup
              testId="plate-region"
              label={t('cardAdd.plateN', { n: index + 1 })}
              value={plate.region}
              onChange={(region) => edit(index, { region })}
              options={regionOptions}
            />
            <View className="form-field__box plate-row__box">
              <Input
                className="form-field__input form-field__input--mono js-plate-input"
                placeholderClass="form-field__placeholder"
                type="text"
                maxlength={12}
                value={plate.number}
                placeholder={t('cardAdd.platePlaceholder', { example: PLATE_EXAMPLES[plate.region] })}
                ariaLabel={t('cardAdd.plateN', { n: index + 1 })}
                // Plates are painted in capitals: show them so while typing.
                onInput={(event) => edit(index, { number: event.detail.value.toUpperCase() })}
                onBlur={() => onTouched(plateField(index))}
              />
            </View>
          </FormField>
        </View>
      ))}
      {plates.length < MAX_PLATES_PER_CARD ? (
        <View
          className="add-plate js-add-plate"
          ariaRole="button"
          onClick={() => {
            // Unique among the rows shown, which is all React's key needs.
            const key = plates.reduce((max, plate) => Math.max(max, plate.key), 0) + 1;
            onChange([...plates, { key, region: 'mainland', number: '' }]);
          }}
        >
          <Text className="add-plate__plus">+</Text>
          <Text>{t('cardAdd.addPlate')}</Text>
        </View>
      ) : null}
    </>
  );
}
