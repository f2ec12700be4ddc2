import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import { FormError } from '../../../components/form-field';
import { useI18n } from '../../../i18n';

/** 绑定 with the form's own error above it; while busy it says whether it is binding or uploading. */
export function BindSubmit({
  phase,
  formError,
  onSubmit,
}: {
  phase: 'binding' | 'uploading' | null;
  formError: string | null;
  onSubmit: () => void;
}) {
  const { t } = useI18n();
  return (
    <View className="add-submit">
      <FormError message={formError} />
      <Button
        type="primary"
        size="large"
        block
        loading={phase !== null}
        disabled={phase !== null}
        className="js-bind-submit"
        onClick={onSubmit}
      >
        {phase === 'binding'
          ? t('cardAdd.submitting')
          : phase === 'uploading'
            ? t('cardAdd.uploading')
            : t('cardAdd.submit')}
      </Button>
    </View>
  );
}
