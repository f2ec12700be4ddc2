import { uiMessages } from '@cbc/shared';

export default definePageConfig({
  navigationBarTitleText: uiMessages['zh-Hans']['orders.title'],
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
