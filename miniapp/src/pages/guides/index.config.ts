import { uiMessages } from '@cbc/shared';

export default definePageConfig({
  navigationBarTitleText: uiMessages['zh-Hans']['guides.title'],
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
