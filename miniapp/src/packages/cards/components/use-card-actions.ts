import { useState } from 'react';
import Taro from '@tarojs/taro';
import { request, toApiError, uploadFile } from '../../../api';
import { useI18n } from '../../../i18n';
import { backToCards } from '../../../utils/navigation';
import { ID_PHOTO_MAX_MB, isPhotoTooLarge, pickIdPhoto } from './id-photo';

type CardAction = 'default' | 'unbind' | 'upload';

/**
 * What the card detail page does to its card: 设为默认卡片, uploading the ID photo it still waits for,
 * and 解绑 (after asking). One at a time (`busy`); a failure is `error`, in words.
 * `onChanged` fetches the card again.
 */
export function useCardActions(cardId: string, onChanged: () => Promise<void>) {
  const { lang, t } = useI18n();
  const [busy, setBusy] = useState<CardAction | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (kind: CardAction, action: () => Promise<void>) => {
    setBusy(kind);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(null);
    }
  };

  const setDefault = () =>
    run('default', async () => {
      await request('updateCard', { lang, params: { id: cardId }, body: { isDefault: true } });
      void Taro.showToast({ title: t('cardDetail.defaultSet'), icon: 'success' });
      await onChanged();
    });

  const uploadPhoto = async () => {
    const photo = await pickIdPhoto();
    if (!photo) return;
    if (isPhotoTooLarge(photo)) {
      setError(t('cardAdd.photoTooLarge', { maxMb: ID_PHOTO_MAX_MB }));
      return;
    }
    await run('upload', async () => {
      await uploadFile('uploadIdPhoto', { params: { id: cardId }, lang }, photo.path);
      void Taro.showToast({ title: t('cardDetail.uploadSuccess'), icon: 'success' });
      await onChanged();
    });
  };

  const unbind = async () => {
    const { confirm } = await Taro.showModal({
      title: t('cardDetail.unbindTitle'),
      content: t('cardDetail.unbindBody'),
      confirmText: t('cardDetail.unbindConfirm'),
      cancelText: t('common.cancel'),
      confirmColor: '#cb2634',
    });
    if (!confirm) return;
    await run('unbind', async () => {
      await request('unbindCard', { lang, params: { id: cardId } });
      void Taro.showToast({ title: t('cardDetail.unbound'), icon: 'success' });
      backToCards();
    });
  };

  return { busy, error, setDefault, uploadPhoto, unbind };
}
