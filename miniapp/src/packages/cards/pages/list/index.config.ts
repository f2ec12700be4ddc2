import { uiMessages } from '@cbc/shared';

export default definePageConfig({
  navigationBarTitleText: uiMessages['zh-Hans']['cards.title'],
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
