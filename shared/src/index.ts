export * from './i18n/languages';
export * from './i18n/format';
export * from './i18n/ui-messages';
export * from './i18n/error-messages';
export * from './cards/cards';
export * from './contracts/index';
