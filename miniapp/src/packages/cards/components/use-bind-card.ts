import { useState } from 'react';
import Taro from '@tarojs/taro';
import { request, toApiError, uploadFile, useIdempotencyKey } from '../../../api';
import { routeUrl } from '../../../constants/routes';
import { useI18n } from '../../../i18n';
import { backToCards } from '../../../utils/navigation';
import { fieldOfError } from '../../../utils/use-form-errors';
import type { CardForm, CardFormField } from './use-card-form';

/** Errors the server reports by code without naming a field. */
const FIELD_BY_CODE: Partial<Record<string, CardFormField>> = {
  CARD_BOUND_ELSEWHERE: 'number',
  CARD_ALREADY_BOUND: 'number',
  PHOTO_MISSING: 'photo',
  PHOTO_TOO_LARGE: 'photo',
  PHOTO_NOT_IMAGE: 'photo',
  PAYLOAD_TOO_LARGE: 'photo',
  UNSUPPORTED_MEDIA_TYPE: 'photo',
};

/** The form is long: bring the first field in red into view. */
function scrollToError() {
  setTimeout(() => {
    void Taro.pageScrollTo({ selector: '.js-page-card-add .has-error', offsetTop: -24, duration: 200 }).catch(
      () => undefined,
    );
  }, 50);
}

/**
 * 绑定: checks every field, binds the card, then uploads the ID photo, and goes back to the card list.
 * A refusal goes on its field (or the form); a failed upload leaves the card waiting for its photo
 * and opens its detail page, which offers the upload again.
 */
export function useBindCard(card: CardForm) {
  const { lang, t } = useI18n();
  const [phase, setPhase] = useState<'binding' | 'uploading' | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const idempotencyKeyFor = useIdempotencyKey();
  const { form, photo } = card;

  const submit = async () => {
    form.markSubmitted();
    setFormError(null);
    if (!card.valid || !photo) {
      void Taro.showToast({ title: t('cardAdd.fixErrors'), icon: 'none' });
      scrollToError();
      return;
    }
    setPhase('binding');
    let cardId: string;
    try {
      const body = card.requestBody();
      // Submitting the same form again (a lost reply) resends the same key: one card, not two.
      const bound = await request('bindCard', { lang, body, idempotencyKey: idempotencyKeyFor(body) });
      cardId = bound.id;
    } catch (caught) {
      const error = toApiError(caught);
      const field = fieldOfError(error, card.fields, FIELD_BY_CODE);
      setPhase(null);
      if (field) {
        form.setServerError(field, error.message);
        scrollToError();
      } else {
        setFormError(error.message);
      }
      return;
    }

    setPhase('uploading');
    try {
      await uploadFile('uploadIdPhoto', { params: { id: cardId }, lang }, photo.path);
    } catch (caught) {
      // The card exists (waiting for its photo): its detail page offers the upload again.
      await Taro.showModal({
        title: t('cardAdd.photoFailed'),
        content: toApiError(caught).message,
        showCancel: false,
        confirmText: t('common.confirm'),
      });
      void Taro.redirectTo({ url: routeUrl('cardDetail', { id: cardId }) });
      return;
    } finally {
      setPhase(null);
    }
    void Taro.showToast({ title: t('cardAdd.success'), icon: 'success' });
    backToCards();
  };

  return { phase, formError, submit };
}
