import type { Language } from './languages';
import { formatMessage, type MessageParams } from './format';

/**
 * Texts of the simulated SMS, e-mail and app notices the server writes into a user's inbox. They are
 * rendered once, in the language of the request that caused them, like a real SMS.
 */
const zhHans = {
  'sms_code.title': '验证码短信',
  'sms_code.body': '【跨境卡续费助手·模拟短信】您的验证码是 {code}，{minutes} 分钟内有效。请勿将验证码告诉任何人。',
  'welcome.title': '注册成功',
  'welcome.body':
    '欢迎使用跨境卡续费助手。下一步：在“我的卡片”绑定你的中港通卡或远游卡，练习在线续费流程（模拟，不会扣款）。',
  'card_bound.title': '卡片已绑定',
  'card_bound.body': '{card}（{number}）已绑定到你的账户。',
  'card_unbound.title': '卡片已解绑',
  'card_unbound.body': '{card}（{number}）已从你的账户解绑，证件照片已删除。',
} as const;

export type NotificationKey = keyof typeof zhHans;

const zhHant: Record<NotificationKey, string> = {
  'sms_code.title': '驗證碼短訊',
  'sms_code.body': '【跨境卡續費助手·模擬短訊】你的驗證碼是 {code}，{minutes} 分鐘內有效。請勿將驗證碼告訴任何人。',
  'welcome.title': '註冊成功',
  'welcome.body':
    '歡迎使用跨境卡續費助手。下一步：在「我的卡」綁定你的中港通卡或遠遊卡，練習網上續費流程（模擬，不會扣款）。',
  'card_bound.title': '已綁定卡',
  'card_bound.body': '{card}（{number}）已綁定到你的賬戶。',
  'card_unbound.title': '已解除綁定',
  'card_unbound.body': '{card}（{number}）已從你的賬戶解除綁定，證件相片已刪除。',
};

const en: Record<NotificationKey, string> = {
  'sms_code.title': 'Verification code SMS',
  'sms_code.body':
    '[Top-up Helper · simulated SMS] Your verification code is {code}, valid for {minutes} minutes. Never share it with anyone.',
  'welcome.title': 'Welcome aboard',
  'welcome.body':
    'Welcome to the Cross-border Card Top-up Helper. Next: bind your Zhonggangtong or Yuanyou card under My cards and practise the online top-up (a simulation; nothing is charged).',
  'card_bound.title': 'Card bound',
  'card_bound.body': '{card} ({number}) is now bound to your account.',
  'card_unbound.title': 'Card unbound',
  'card_unbound.body': '{card} ({number}) was unbound from your account and its ID photo deleted.',
};

export const notificationMessages: Record<Language, Record<NotificationKey, string>> = {
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  en,
};

export function notificationText(lang: Language, key: NotificationKey, params?: MessageParams): string {
  return formatMessage(notificationMessages[lang][key], params);
}
