import { Image, Text, View } from '@tarojs/components';
import { useI18n } from '../../../i18n';
import type { ChosenPhoto } from './id-photo';

/** The ID photo box: a camera to pick one, or the chosen photo (with its alt text) and "choose again". */
export function PhotoPicker({
  photo,
  isSample,
  onChoose,
}: {
  photo: ChosenPhoto | null;
  /** The photo is 填入示例's drawing: described as such to a screen reader. */
  isSample: boolean;
  onChoose: () => void;
}) {
  const { t } = useI18n();
  return (
    <View
      className={`photo-picker js-choose-photo${photo ? ' has-photo' : ''}`}
      ariaRole="button"
      ariaLabel={photo ? t('cardAdd.changePhoto') : t('cardAdd.choosePhoto')}
      onClick={onChoose}
    >
      {photo ? (
        <>
          <Image
            className="photo-picker__preview js-photo-preview"
            src={photo.path}
            mode="aspectFill"
            ariaLabel={isSample ? t('cardAdd.samplePhotoAlt') : t('cardAdd.photoAlt')}
            ariaRole="img"
          />
          <Text className="photo-picker__change">{t('cardAdd.changePhoto')}</Text>
        </>
      ) : (
        <>
          <View className="photo-picker__camera">
            <View className="photo-picker__lens" />
          </View>
          <Text className="photo-picker__label">{t('cardAdd.choosePhoto')}</Text>
        </>
      )}
    </View>
  );
}
