import { z } from 'zod';
import { cardIdSchema } from '../cards/cards';
import { moneySchema } from '../money/money';
import {
  ID_DOCUMENT_TYPES,
  PLATE_REGIONS,
  bindCardNumberCheck,
  idDocumentInputSchema,
  plateInputSchema,
} from '../validation/index';
import { errorEnvelopeSchema } from './errors';
import { defineEndpoints } from './endpoint';
import { ID_PHOTO_FIELD, routes } from './routes';

export const MAX_CARDS_PER_ACCOUNT = 5;
export const MAX_PLATES_PER_CARD = 3;
export const ID_PHOTO_MAX_BYTES = 2 * 1024 * 1024;

export const VERIFICATION_STATES = ['photo_required', 'verified'] as const;
export const verificationStateSchema = z.enum(VERIFICATION_STATES);
export type VerificationState = z.infer<typeof verificationStateSchema>;

export const boundCardSchema = z
  .object({
    id: z.uuid(),
    type: cardIdSchema,
    /** `6288 **** **** 1234`: the full number never leaves the server. */
    numberMasked: z.string(),
    plates: z.array(z.object({ region: z.enum(PLATE_REGIONS), number: z.string() })),
    holder: z.object({ idType: z.enum(ID_DOCUMENT_TYPES), idNumberMasked: z.string() }),
    verification: verificationStateSchema,
    isDefault: z.boolean(),
    /** Bound with generated practice data (填入示例), not a real card. */
    sample: z.boolean(),
    balance: moneySchema,
    /** The last credited top-up (its amount, without bonus); null before the first. */
    lastTopup: z.object({ amount: moneySchema, at: z.iso.datetime() }).nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'BoundCard' });
export type BoundCard = z.infer<typeof boundCardSchema>;

export const bindCardRequestSchema = z
  .strictObject({
    type: cardIdSchema,
    number: z.string().max(40),
    plates: z.array(plateInputSchema).min(1).max(MAX_PLATES_PER_CARD),
    idDocument: idDocumentInputSchema,
    /** Bound with 填入示例's generated data: labelled 示例 wherever the card shows. */
    sample: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    // The prefix depends on the card type, so the number is checked against its sibling field.
    const problem = bindCardNumberCheck(value.type, value.number);
    if (problem) ctx.addIssue({ code: 'custom', path: ['number'], message: problem });
  });
export type BindCardRequest = z.infer<typeof bindCardRequestSchema>;

export const updateCardRequestSchema = z.strictObject({ isDefault: z.literal(true) });

export const cardListSchema = z.object({ cards: z.array(boundCardSchema) }).meta({ id: 'CardList' });
export type CardList = z.infer<typeof cardListSchema>;

const cardParams = z.object({ id: z.uuid() });
const unauthorized = { 401: errorEnvelopeSchema };

export const cardEndpoints = defineEndpoints({
  listCards: {
    ...routes.listCards,
    summary: 'My bound cards, default first',
    tags: ['cards'],
    responses: { 200: cardListSchema, ...unauthorized },
  },
  bindCard: {
    ...routes.bindCard,
    summary: 'Bind a card: type, number (prefix + Luhn), plates, holder identity document',
    tags: ['cards'],
    body: bindCardRequestSchema,
    responses: { 201: boundCardSchema, 400: errorEnvelopeSchema, 409: errorEnvelopeSchema, ...unauthorized },
  },
  getCard: {
    ...routes.getCard,
    summary: 'One of my cards',
    tags: ['cards'],
    params: cardParams,
    responses: { 200: boundCardSchema, 400: errorEnvelopeSchema, 404: errorEnvelopeSchema, ...unauthorized },
  },
  updateCard: {
    ...routes.updateCard,
    summary: 'Make a card the default one',
    tags: ['cards'],
    params: cardParams,
    body: updateCardRequestSchema,
    responses: { 200: boundCardSchema, 400: errorEnvelopeSchema, 404: errorEnvelopeSchema, ...unauthorized },
  },
  unbindCard: {
    ...routes.unbindCard,
    summary: 'Unbind a card; its ID photo is deleted',
    tags: ['cards'],
    params: cardParams,
    responses: { 204: z.null(), 400: errorEnvelopeSchema, 404: errorEnvelopeSchema, ...unauthorized },
  },
  uploadIdPhoto: {
    ...routes.uploadIdPhoto,
    summary: `Upload the holder's ID photo (multipart field "${ID_PHOTO_FIELD}", JPEG or PNG by content, at most 2 MB)`,
    tags: ['cards'],
    bodyType: 'multipart',
    params: cardParams,
    responses: {
      200: boundCardSchema,
      400: errorEnvelopeSchema,
      404: errorEnvelopeSchema,
      413: errorEnvelopeSchema,
      415: errorEnvelopeSchema,
      ...unauthorized,
    },
  },
});
