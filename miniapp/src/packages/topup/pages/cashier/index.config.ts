import { uiMessages } from '@cbc/shared';

export default definePageConfig({
  navigationBarTitleText: uiMessages['zh-Hans']['cashier.title'],
  // The sheet has its own close button; pulling the page would only move the backdrop.
  disableScroll: true,
  backgroundColor: '#2a3142',
});
