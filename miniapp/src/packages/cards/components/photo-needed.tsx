import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/button';
import { useI18n } from '../../../i18n';

/** A card bound without its ID photo (the upload failed): upload it here, with the privacy note. */
export function PhotoNeeded({
  uploading,
  disabled,
  onUpload,
}: {
  uploading: boolean;
  disabled: boolean;
  onUpload: () => void;
}) {
  const { t } = useI18n();
  return (
    <View className="panel photo-needed js-photo-needed">
      <Text className="photo-needed__text">{t('cardDetail.photoNeeded')}</Text>
      <Button
        type="primary"
        size="normal"
        loading={uploading}
        disabled={disabled}
        className="photo-needed__button js-upload-photo"
        onClick={onUpload}
      >
        {t('cardDetail.uploadPhoto')}
      </Button>
      <Text className="photo-needed__privacy">{t('cardAdd.privacy')}</Text>
    </View>
  );
}
