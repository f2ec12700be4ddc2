import type { GuideContent, ChannelContent } from './types';
import { zhonggangtongChannels, zhonggangtongGuides } from './zhonggangtong';
import { yuanyouChannels, yuanyouGuides } from './yuanyou';

export type { GuideContent, GuideStepContent, ChannelContent } from './types';

/** Every authored guide, 中港通卡 first, then 遠遊卡. */
export const guideContents: readonly GuideContent[] = [...zhonggangtongGuides, ...yuanyouGuides];

/** Every authored offline channel, 中港通卡 first, then 遠遊卡. */
export const channelContents: readonly ChannelContent[] = [...zhonggangtongChannels, ...yuanyouChannels];
