import { useState } from 'react';
import {
  CARD_IDS,
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
import { useI18n } from '../../../i18n';
import { cardNumberFieldValue } from '../../../utils/input-types';
import { useFormErrors } from '../../../utils/use-form-errors';
import { ID_PHOTO_MAX_MB, isPhotoTooLarge, pickIdPhoto, type ChosenPhoto } from './id-photo';
import { plateField, type PlateDraft, type PlateField } from './plate-fields';
import { samplePhoto } from './sample-photo';

export type CardFormField = 'number' | PlateField | 'idDocument.number' | 'photo';

/**
 * The bind form's fields as typed, their client checks (the shared validators) and the error each
 * shows. 填入示例 fills every field with generated data and remembers it, so each field still
 * holding it is labelled 示例 and a card bound with its number is a practice card.
 */
export function useCardForm() {
  const { lang, t } = useI18n();
  const [type, setType] = useState<CardId>(CARD_IDS[0]);
  const [number, setNumber] = useState('');
  const [plates, setPlates] = useState<PlateDraft[]>([{ key: 0, region: 'mainland', number: '' }]);
  const [idType, setIdType] = useState<IdDocumentType>('mainland_id');
  const [idNumber, setIdNumber] = useState('');
  const [photo, setPhoto] = useState<ChosenPhoto | null>(null);
  // 填入示例: what was generated, to tell which fields still hold it (each is labelled 示例).
  const [sample, setSample] = useState<{ data: SampleCardData; photoPath: string } | null>(null);
  const form = useFormErrors<CardFormField>();

  const numberProblem = validateCardNumber(type, number);
  const idProblem = validateIdNumber(idType, idNumber);
  const clientErrors = new Map<CardFormField, string | null>([
    ['number', numberProblem ? validationMessage(lang, `validation.cardNumber.${numberProblem}`) : null],
    ['idDocument.number', idProblem ? validationMessage(lang, `validation.id.${idProblem}`) : null],
    ['photo', photo ? null : t('cardAdd.photoRequired')],
  ]);
  plates.forEach((plate, index) => {
    const problem = validatePlate(plate.region, plate.number);
    clientErrors.set(
      plateField(index),
      problem ? validationMessage(lang, plateMessageKey(plate.region, problem)) : null,
    );
  });
  const fields = [...clientErrors.keys()];

  const sampleNumber = sample !== null && normalizeCardNumber(number) === sample.data.number;

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

  return {
    form,
    fields,
    /** True when every field passes its client check (and a photo is chosen). */
    valid: !fields.some((field) => clientErrors.get(field)) && photo !== null,
    shown: (field: CardFormField) => form.shown(field, clientErrors.get(field) ?? null),
    type,
    number,
    plates,
    idType,
    idNumber,
    photo,
    sample: sample !== null,
    sampleNumber,
    sampleId:
      sample !== null &&
      idType === sample.data.idDocument.type &&
      normalizeIdNumber(idType, idNumber) === sample.data.idDocument.number,
    samplePlate: (plate: PlateDraft) =>
      sample !== null &&
      plate.region === sample.data.plate.region &&
      normalizePlate(plate.region, plate.number) === sample.data.plate.number,
    samplePhoto: sample !== null && photo?.path === sample.photoPath,
    chooseType: (next: CardId) => {
      setType(next);
      form.edited('number');
    },
    typeNumber: (typed: string) => {
      setNumber(cardNumberFieldValue(typed));
      form.edited('number');
    },
    setPlates,
    chooseIdType: (next: IdDocumentType) => {
      setIdType(next);
      form.edited('idDocument.number');
    },
    typeIdNumber: (typed: string) => {
      setIdNumber(typed.toUpperCase());
      form.edited('idDocument.number');
    },
    fillSample,
    choosePhoto,
    /** What bindCard takes: the fields normalised, and `sample` while the number is 填入示例's. */
    requestBody: () => ({
      type,
      number: normalizeCardNumber(number),
      plates: plates.map((plate) => ({ region: plate.region, number: normalizePlate(plate.region, plate.number) })),
      idDocument: { type: idType, number: normalizeIdNumber(idType, idNumber) },
      // The card number is the card: kept from 填入示例, the card is a practice one.
      ...(sampleNumber ? { sample: true } : {}),
    }),
  };
}

export type CardForm = ReturnType<typeof useCardForm>;
