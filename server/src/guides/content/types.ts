import type { CardId, ChannelKind, GuideKind, LocalizedText } from '@cbc/shared';

/** A guide as authored: every text in all three languages. The API localizes it per request. */
export interface GuideContent {
  slug: string;
  card: CardId;
  kind: GuideKind;
  title: LocalizedText;
  summary: LocalizedText;
  prerequisites: LocalizedText[];
  steps: GuideStepContent[];
  tips: LocalizedText[];
  /** ISO date (YYYY-MM-DD) the content was last reviewed. */
  updatedAt: string;
}

export interface GuideStepContent {
  title: LocalizedText;
  detail: LocalizedText;
  /** Menu labels in the official app, in order, e.g. 我的账户 → 添加卡片. */
  menuPath?: LocalizedText[];
}

export interface ChannelContent {
  id: string;
  card: CardId;
  kind: ChannelKind;
  name: LocalizedText;
  summary: LocalizedText;
  bring: LocalizedText[];
  steps: LocalizedText[];
  tips: LocalizedText[];
}
