import { Input, Text } from '@tarojs/components';
import { PHONE_COUNTRY_CODES, PHONE_REGIONS, type PhoneRegion } from '@cbc/shared';
import { ChoiceGroup } from '../../../components/choice-group';
import { FormField } from '../../../components/form-field';
import { useI18n } from '../../../i18n';
import { DIGITS_INPUT } from '../../../utils/input-types';

/** National number lengths of the mobile plans (see shared/src/validation/phone.ts). */
const DIGITS: Record<PhoneRegion, number> = { CN: 11, HK: 8, MO: 8 };

interface Props {
  region: PhoneRegion;
  number: string;
  error: string | null;
  onRegion: (region: PhoneRegion) => void;
  onNumber: (number: string) => void;
  onBlur: () => void;
}

/** Region (+86 / +852 / +853) as a segmented control, then the number with its country code in front. */
export function PhoneField({ region, number, error, onRegion, onNumber, onBlur }: Props) {
  const { t } = useI18n();
  return (
    <>
      <FormField name="phone.region" label={t('auth.phoneRegion')} error={null} bare>
        <ChoiceGroup
          testId="phone-region"
          label={t('auth.phoneRegion')}
          value={region}
          onChange={onRegion}
          options={PHONE_REGIONS.map((code) => ({
            value: code,
            label: PHONE_COUNTRY_CODES[code],
            sub: t(`auth.region.${code}`),
          }))}
        />
      </FormField>
      <FormField name="phone" label={t('auth.phone')} error={error}>
        <Text className="form-field__prefix">{PHONE_COUNTRY_CODES[region]}</Text>
        <Input
          className="form-field__input form-field__input--mono js-phone-input"
          placeholderClass="form-field__placeholder"
          type={DIGITS_INPUT}
          maxlength={DIGITS[region] + 2}
          value={number}
          placeholder={t('auth.phonePlaceholder', { digits: DIGITS[region] })}
          onInput={(event) => onNumber(event.detail.value)}
          onBlur={onBlur}
        />
      </FormField>
    </>
  );
}
