export { I18nProvider, useI18n, type I18n } from './i18n-provider';
export { asSentence, formatDate, formatDateTime, joinList, thenSentence } from './format-time';
export { syncTabBar } from './tab-bar';
