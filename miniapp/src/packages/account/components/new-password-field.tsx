import { Input } from '@tarojs/components';
import { FormField } from '../../../components/form-field';
import { useI18n } from '../../../i18n';

interface Props {
  label: string;
  value: string;
  error: string | null;
  onInput: (value: string) => void;
  onBlur: () => void;
}

/** A password being chosen (register, reset), with its rules always in view. */
export function NewPasswordField({ label, value, error, onInput, onBlur }: Props) {
  const { t } = useI18n();
  return (
    <FormField name="password" label={label} hint={t('auth.passwordRules')} error={error}>
      <Input
        className="form-field__input js-password-input"
        placeholderClass="form-field__placeholder"
        password
        maxlength={64}
        value={value}
        placeholder={t('auth.newPasswordPlaceholder')}
        onInput={(event) => onInput(event.detail.value)}
        onBlur={onBlur}
      />
    </FormField>
  );
}
