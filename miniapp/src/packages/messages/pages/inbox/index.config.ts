import { uiMessages } from '@cbc/shared';

export default definePageConfig({
  navigationBarTitleText: uiMessages['zh-Hans']['messages.title'],
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
