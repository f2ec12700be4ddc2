import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import {
  CARD_IDS,
  CARDS,
  ID_DOCUMENT_TYPES,
  MAX_PLATES_PER_CARD,
  normalizeCardNumber,
  normalizeIdNumber,
  normalizePlate,
  plateMessageKey,
  sampleCardData,
  validateCardNumber,
  validateIdNumber,
  validatePlate,
  validationMessage,
  type CardId,
  type IdDocumentType,
  type SampleCardData,
} from '@cbc/shared';
import { request, toApiError, uploadFile, useIdempotencyKey } from '../../../../api';
import { useSession } from '../../../../auth';
import { SampleTag } from '../../../../components/bound-card';
import { ChoiceGroup } from '../../../../components/choice-group';
import { FormError, FormField } from '../../../../components/form-field';
import { LoginPrompt } from '../../../../components/login-prompt';
import { SimulationNotice } from '../../../../components/notices';
import { Section } from '../../../../components/section';
import { routeUrl } from '../../../../constants/routes';
import { useI18n } from '../../../../i18n';
import { useTextSizeClass } from '../../../../settings';
import {
  CARD_NUMBER_FIELD_MAX,
  DIGITS_INPUT,
  cardNumberFieldValue,
  idNumberInputType,
} from '../../../../utils/input-types';
import { backToCards } from '../../../../utils/navigation';
import { usePageTitle } from '../../../../utils/use-page-title';
import { fieldOfError, useFormErrors } from '../../../../utils/use-form-errors';
import { ID_PHOTO_MAX_MB, isPhotoTooLarge, pickIdPhoto, type ChosenPhoto } from '../../components/id-photo';
import { CardNumberGuide } from '../../components/number-guide';
import { PhotoPicker } from '../../components/photo-picker';
import { PlateFields, plateField, type PlateDraft, type PlateField } from '../../components/plate-fields';
import { samplePhoto } from '../../components/sample-photo';
import '../../components/cards.scss';
import './index.scss';

type Field = 'number' | PlateField | 'idDocument.number' | 'photo';

/** Errors the server reports by code without naming a field. */
const FIELD_BY_CODE: Partial<Record<string, Field>> = {
  CARD_BOUND_ELSEWHERE: 'number',
  CARD_ALREADY_BOUND: 'number',
  PHOTO_MISSING: 'photo',
  PHOTO_TOO_LARGE: 'photo',
  PHOTO_NOT_IMAGE: 'photo',
  PAYLOAD_TOO_LARGE: 'photo',
  UNSUPPORTED_MEDIA_TYPE: 'photo',
};

export default function CardAddPage() {
  const { lang, t } = useI18n();
  const textSize = useTextSizeClass();
  const { loggedIn } = useSession();
  usePageTitle(t('cardAdd.title'));

  const [type, setType] = useState<CardId>(CARD_IDS[0]);
  const [number, setNumber] = useState('');
  const [plates, setPlates] = useState<PlateDraft[]>([{ key: 0, region: 'mainland', number: '' }]);
  const [idType, setIdType] = useState<IdDocumentType>('mainland_id');
  const [idNumber, setIdNumber] = useState('');
  const [photo, setPhoto] = useState<ChosenPhoto | null>(null);
  // 填入示例: what was generated, to tell which fields still hold it (each is labelled 示例).
  const [sample, setSample] = useState<{ data: SampleCardData; photoPath: string } | null>(null);
  const [phase, setPhase] = useState<'binding' | 'uploading' | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useFormErrors<Field>();
  const idempotencyKeyFor = useIdempotencyKey();

  if (!loggedIn) {
    return (
      <View className={`page card-add js-page-card-add ${textSize}`}>
        <LoginPrompt title={t('cards.loginTitle')} body={t('cards.loginBody')} />
      </View>
    );
  }

  const numberProblem = validateCardNumber(type, number);
  const idProblem = validateIdNumber(idType, idNumber);
  const clientErrors = new Map<Field, string | null>([
    ['number', numberProblem ? validationMessage(lang, `validation.cardNumber.${numberProblem}`) : null],
    ['idDocument.number', idProblem ? validationMessage(lang, `validation.id.${idProblem}`) : null],
    ['photo', photo ? null : t('cardAdd.photoRequired')],
  ]);
  plates.forEach((plate, index) => {
    const problem = validatePlate(plate.region, plate.number);
    clientErrors.set(plateField(index), problem ? validationMessage(lang, plateMessageKey(plate.region, problem)) : null);
  });
  const fields = [...clientErrors.keys()];
  const shown = (field: Field) => form.shown(field, clientErrors.get(field) ?? null);

  const sampleNumber = sample !== null && normalizeCardNumber(number) === sample.data.number;
  const sampleId =
    sample !== null &&
    idType === sample.data.idDocument.type &&
    normalizeIdNumber(idType, idNumber) === sample.data.idDocument.number;
  const samplePlate = (plate: PlateDraft) =>
    sample !== null &&
    plate.region === sample.data.plate.region &&
    normalizePlate(plate.region, plate.number) === sample.data.plate.number;
  const isSamplePhoto = sample !== null && photo?.path === sample.photoPath;

  const fillSample = async () => {
    const data = sampleCardData(type);
    const drawing = await samplePhoto();
    setSample({ data, photoPath: drawing.path });
    setNumber(cardNumberFieldValue(data.number));
    setPlates([{ key: 0, region: data.plate.region, number: data.plate.number }]);
    setIdType(data.idDocument.type);
    setIdNumber(data.idDocument.number);
    setPhoto(drawing);
    for (const field of ['number', plateField(0), 'idDocument.number', 'photo'] as const) form.edited(field);
  };

  const choosePhoto = async () => {
    const chosen = await pickIdPhoto();
    if (!chosen) return;
    form.touch('photo');
    if (isPhotoTooLarge(chosen)) {
      setPhoto(null);
      form.setServerError('photo', t('cardAdd.photoTooLarge', { maxMb: ID_PHOTO_MAX_MB }));
      return;
    }
    form.edited('photo');
    setPhoto(chosen);
  };

  /** The form is long: bring the first field in red into view. */
  const scrollToError = () => {
    setTimeout(() => {
      void Taro.pageScrollTo({ selector: '.js-page-card-add .has-error', offsetTop: -24, duration: 200 }).catch(
        () => undefined,
      );
    }, 50);
  };

  const submit = async () => {
    form.markSubmitted();
    setFormError(null);
    if (fields.some((field) => clientErrors.get(field)) || !photo) {
      void Taro.showToast({ title: t('cardAdd.fixErrors'), icon: 'none' });
      scrollToError();
      return;
    }
    setPhase('binding');
    let cardId: string;
    try {
      const body = {
        type,
        number: normalizeCardNumber(number),
        plates: plates.map((plate) => ({ region: plate.region, number: normalizePlate(plate.region, plate.number) })),
        idDocument: { type: idType, number: normalizeIdNumber(idType, idNumber) },
        // The card number is the card: kept from 填入示例, the card is a practice one.
        ...(sampleNumber ? { sample: true } : {}),
      };
      // Submitting the same form again (a lost reply) resends the same key: one card, not two.
      const card = await request('bindCard', { lang, body, idempotencyKey: idempotencyKeyFor(body) });
      cardId = card.id;
    } catch (caught) {
      const error = toApiError(caught);
      const field = fieldOfError(error, fields, FIELD_BY_CODE);
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

  return (
    <View className={`page card-add js-page-card-add ${textSize}`}>
      <View className="panel sample-fill js-sample-fill">
        <View className="sample-fill__text">
          <Text className="sample-fill__hint">{t('cardAdd.useSampleHint')}</Text>
        </View>
        <Button
          type="default"
          size="normal"
          className="sample-fill__button js-use-sample"
          ariaRole="button"
          onClick={() => void fillSample()}
        >
          {t('cardAdd.useSample')}
        </Button>
      </View>
      {sample ? (
        <View className="sample-note js-sample-note" ariaRole="note">
          <SampleTag />
          <Text className="sample-note__text">{t('cardAdd.sampleFilled')}</Text>
        </View>
      ) : null}
      <View className="panel add-form">
        <FormField name="type" label={t('cardAdd.type')} error={null} bare>
          <ChoiceGroup
            testId="card-type"
            label={t('cardAdd.type')}
            value={type}
            onChange={(next) => {
              setType(next);
              form.edited('number');
            }}
            options={CARD_IDS.map((id) => ({ value: id, label: CARDS[id].name[lang], color: CARDS[id].color }))}
          />
        </FormField>

        <FormField
          name="number"
          label={t('cardAdd.number')}
          extra={sampleNumber ? <SampleTag /> : null}
          error={shown('number')}
        >
          <Input
            className="form-field__input form-field__input--mono js-card-number-input"
            placeholderClass="form-field__placeholder"
            type={DIGITS_INPUT}
            maxlength={CARD_NUMBER_FIELD_MAX}
            value={number}
            placeholder={t('cardAdd.numberPlaceholder')}
            onInput={(event) => {
              setNumber(cardNumberFieldValue(event.detail.value));
              form.edited('number');
            }}
            onBlur={() => form.touch('number')}
          />
        </FormField>
        <CardNumberGuide card={type} />
      </View>

      <Section title={t('cardAdd.plates')}>
        <View className="panel add-form">
          <Text className="add-form__hint">{t('cardAdd.platesHint', { max: MAX_PLATES_PER_CARD })}</Text>
          <PlateFields
            plates={plates}
            onChange={setPlates}
            shownError={shown}
            onEdited={form.edited}
            onTouched={form.touch}
            isSample={samplePlate}
          />
        </View>
      </Section>

      <Section title={t('cardAdd.holder')}>
        <View className="panel add-form">
          <FormField name="idDocument.type" label={t('cardAdd.idType')} error={null} bare>
            <ChoiceGroup
              testId="id-type"
              layout="grid"
              label={t('cardAdd.idType')}
              value={idType}
              onChange={(next) => {
                setIdType(next);
                form.edited('idDocument.number');
              }}
              options={ID_DOCUMENT_TYPES.map((id) => ({ value: id, label: t(`cardAdd.idType.${id}`) }))}
            />
          </FormField>
          <FormField
            name="idDocument.number"
            label={t('cardAdd.idNumber')}
            extra={sampleId ? <SampleTag /> : null}
            error={shown('idDocument.number')}
          >
            <Input
              className="form-field__input form-field__input--mono js-id-number-input"
              placeholderClass="form-field__placeholder"
              type={idNumberInputType(idType === 'mainland_id')}
              maxlength={24}
              value={idNumber}
              placeholder={t(`cardAdd.idPlaceholder.${idType}`)}
              onInput={(event) => {
                setIdNumber(event.detail.value.toUpperCase());
                form.edited('idDocument.number');
              }}
              onBlur={() => form.touch('idDocument.number')}
            />
          </FormField>

          <FormField
            name="photo"
            label={t('cardAdd.photo')}
            hint={t('cardAdd.photoHint', { maxMb: ID_PHOTO_MAX_MB })}
            extra={isSamplePhoto ? <SampleTag /> : null}
            error={shown('photo')}
            bare
          >
            <PhotoPicker photo={photo} isSample={isSamplePhoto} onChoose={() => void choosePhoto()} />
          </FormField>
          <View className="privacy-note js-privacy-note">
            <View className="privacy-note__lock" />
            <Text className="privacy-note__text">{t('cardAdd.privacy')}</Text>
          </View>
        </View>
      </Section>

      <View className="add-submit">
        <FormError message={formError} />
        <Button
          type="primary"
          size="large"
          block
          loading={phase !== null}
          disabled={phase !== null}
          className="js-bind-submit"
          onClick={() => void submit()}
        >
          {phase === 'binding'
            ? t('cardAdd.submitting')
            : phase === 'uploading'
              ? t('cardAdd.uploading')
              : t('cardAdd.submit')}
        </Button>
      </View>

      <SimulationNotice />
    </View>
  );
}
