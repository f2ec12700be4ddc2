import { uiMessages } from '@cbc/shared';

export default definePageConfig({
  navigationBarTitleText: uiMessages['zh-Hans']['guides.title'],
  // WeChat's share menu on a guide: ShareGuide answers it with the guide's title.
  enableShareAppMessage: true,
});
