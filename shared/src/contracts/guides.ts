import { z } from 'zod';
import { cardIdSchema } from '../cards/cards';
import { languageSchema } from '../i18n/languages';
import { errorEnvelopeSchema } from './errors';
import { defineEndpoints } from './endpoint';
import { routes } from './routes';

export const GUIDE_KINDS = ['online', 'offline', 'tips'] as const;
export const guideKindSchema = z.enum(GUIDE_KINDS);
export type GuideKind = z.infer<typeof guideKindSchema>;

export const CHANNEL_KINDS = [
  'toll-station',
  'bank-branch',
  'kiosk',
  'service-centre',
  'convenience-store',
  'atm',
] as const;
export const channelKindSchema = z.enum(CHANNEL_KINDS);
export type ChannelKind = z.infer<typeof channelKindSchema>;

export const slugSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

const langQuery = { lang: languageSchema.optional() };

export const guideSummarySchema = z
  .object({
    slug: slugSchema,
    card: cardIdSchema,
    kind: guideKindSchema,
    title: z.string(),
    summary: z.string(),
    stepCount: z.number().int().nonnegative(),
  })
  .meta({ id: 'GuideSummary' });
export type GuideSummary = z.infer<typeof guideSummarySchema>;

export const guideStepSchema = z.object({
  title: z.string(),
  detail: z.string(),
  /** Menu path in the official app, e.g. ["我的账户", "添加卡片"]. */
  menuPath: z.array(z.string()).optional(),
});
export type GuideStep = z.infer<typeof guideStepSchema>;

export const guideSchema = guideSummarySchema
  .extend({
    /** What to have at hand before starting. */
    prerequisites: z.array(z.string()),
    steps: z.array(guideStepSchema),
    tips: z.array(z.string()),
    simulationNotice: z.string(),
    updatedAt: z.iso.date(),
  })
  .meta({ id: 'Guide' });
export type Guide = z.infer<typeof guideSchema>;

export const guideListSchema = z
  .object({ card: cardIdSchema, guides: z.array(guideSummarySchema) })
  .meta({ id: 'GuideList' });
export type GuideList = z.infer<typeof guideListSchema>;

export const channelSchema = z
  .object({
    id: slugSchema,
    card: cardIdSchema,
    kind: channelKindSchema,
    name: z.string(),
    summary: z.string(),
    /** Documents and items to bring. */
    bring: z.array(z.string()),
    steps: z.array(z.string()),
    tips: z.array(z.string()),
  })
  .meta({ id: 'Channel' });
export type Channel = z.infer<typeof channelSchema>;

export const channelListSchema = z
  .object({ card: cardIdSchema, channels: z.array(channelSchema) })
  .meta({ id: 'ChannelList' });
export type ChannelList = z.infer<typeof channelListSchema>;

export const guideEndpoints = defineEndpoints({
  listGuides: {
    ...routes.listGuides,
    summary: 'Renewal guide summaries of one card',
    tags: ['guides'],
    query: z.object({ card: cardIdSchema, ...langQuery }),
    responses: { 200: guideListSchema, 400: errorEnvelopeSchema },
  },
  getGuide: {
    ...routes.getGuide,
    summary: 'One renewal guide with ordered steps and tips',
    tags: ['guides'],
    params: z.object({ slug: slugSchema }),
    query: z.object(langQuery),
    responses: { 200: guideSchema, 400: errorEnvelopeSchema, 404: errorEnvelopeSchema },
  },
  listChannels: {
    ...routes.listChannels,
    summary: 'Offline renewal channels of one card',
    tags: ['guides'],
    query: z.object({ card: cardIdSchema, ...langQuery }),
    responses: { 200: channelListSchema, 400: errorEnvelopeSchema },
  },
});
