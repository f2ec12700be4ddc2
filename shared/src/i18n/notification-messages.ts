import { CARDS } from '../cards/cards';
import type { MessageKind, Notice } from '../contracts/messages';
import { formatMoney } from '../money/money';
import { PAYMENT_METHOD_NAMES, SIMULATED_MERCHANT_NAME, cardLocalTime } from '../topup/rules';
import { findSegment } from '../trips/segments';
import { errorMessage } from './error-messages';
import { historyText } from './history-messages';
import type { Language } from './languages';
import { formatMessage, type MessageParams } from './format';

/**
 * Texts of the simulated SMS, e-mail and app notices in a user's inbox. A message is stored as a
 * language-neutral notice and rendered with these in the reader's language (`renderNotice`); an SMS or
 * e-mail is also rendered once when it is sent, in the sender's language, and kept as what went out.
 */
const zhHans = {
  'sms_code.title': '验证码短信',
  'sms_code.body': '【跨境卡续费助手·模拟短信】您的验证码是 {code}，{minutes} 分钟内有效。请勿将验证码告诉任何人。',
  'welcome.title': '注册成功',
  'welcome.body':
    '欢迎使用跨境卡续费助手。下一步：在「我的卡片」绑定您的中港通卡或远游卡，练习在线续费流程（模拟，不会扣款）。',
  'card_bound.title': '卡片已绑定',
  'card_bound.body': '{card}（{number}）已绑定到您的账户。',
  'card_unbound.title': '卡片已解绑',
  'card_unbound.body': '{card}（{number}）已从您的账户解绑，证件照片已删除。',
  'topup_sms.title': '充值到账短信',
  'topup_sms.body':
    '【跨境卡续费助手·模拟短信】您的{card}（{number}）于 {time} 充值 {amount} 已到账{bonusNote}，当前余额 {balance}。收据号 {receiptNo}。本短信为模拟，未产生真实扣款。',
  'topup_sms.bonusNote': '（含赠送 {bonus}）',
  'topup_email.title': '电子收据：充值 {total} 已到账',
  'topup_email.body':
    '【模拟电子收据】收据号：{receiptNo}\n时间：{time}\n卡片：{card} {number}\n充值金额：{amount}\n赠送金额：{bonus}\n到账合计：{total}\n支付方式：{method}\n商户订单号：{outTradeNo}\n交易单号：{transactionId}\n当前余额：{balance}\n本收据为模拟练习，未产生真实扣款。',
  'payment_code.title': '支付验证码短信',
  'payment_code.body':
    '【模拟银行短信】您正在支付 {amount}（{merchant}），验证码 {code}，{minutes} 分钟内有效。请勿告诉任何人。',
  'trip_receipt.title': '通行扣费',
  'trip_receipt.body':
    '【跨境卡续费助手·模拟】{card}（{number}）于 {time} 通行 {segment}，扣费 {fee}，余额 {balance}。收据号 {receiptNo}。示例路段，收费为模拟。',
  'low_balance.title': '余额不足提醒',
  'low_balance.body':
    '【跨境卡续费助手·模拟】{card}（{number}）余额 {balance}，已低于您设置的提醒金额 {threshold}。请及时通过官方渠道充值，以免在收费站被拒。',
  'auto_topup.title': '自动充值',
  'auto_topup.body': '【跨境卡续费助手·模拟】{card}（{number}）余额 {balance}，低于提醒金额 {threshold}。{outcome}',
  'auto_topup.ordered':
    '已按您的设置自动充值 {amount}（{method}，免密代扣），到账后会收到充值短信和电子收据。今天不会再自动充值。模拟，未产生真实扣款。',
  'auto_topup.refused': '自动充值 {amount} 未能完成：{reason}。今天不再自动重试，请手动充值。',
  'reset_code.title': '重置密码验证码',
  'reset_code.body':
    '【跨境卡续费助手·模拟短信】您正在重置登录密码，验证码是 {code}，{minutes} 分钟内有效。如非本人操作，请忽略本短信，切勿把验证码告诉任何人。',
  'reset_no_account.title': '重置密码',
  'reset_no_account.body':
    '【跨境卡续费助手·模拟短信】有人用本手机号申请重置跨境卡续费助手的密码，但本号码还没有注册账号，所以没有发送验证码。如需使用，请先注册；如非本人操作，请忽略。',
  'password_reset.title': '登录密码已重置',
  'password_reset.body':
    '您的登录密码已于 {time} 用短信验证码重置，其他设备上的登录已全部退出。如非本人操作，请立即再次重置密码。',
} as const;

export type NotificationKey = keyof typeof zhHans;

const zhHant: Record<NotificationKey, string> = {
  'sms_code.title': '驗證碼短訊',
  'sms_code.body': '【跨境卡續費助手·模擬短訊】您的驗證碼是 {code}，{minutes} 分鐘內有效。請勿將驗證碼告訴任何人。',
  'welcome.title': '註冊成功',
  'welcome.body':
    '歡迎使用跨境卡續費助手。下一步：在「我的卡」綁定您的中港通卡或遠遊卡，練習網上續費流程（模擬，不會扣款）。',
  'card_bound.title': '已綁定卡',
  'card_bound.body': '{card}（{number}）已綁定到您的賬戶。',
  'card_unbound.title': '已解除綁定',
  'card_unbound.body': '{card}（{number}）已從您的賬戶解除綁定，證件相片已刪除。',
  'topup_sms.title': '增值到賬短訊',
  'topup_sms.body':
    '【跨境卡續費助手·模擬短訊】您的{card}（{number}）於 {time} 增值 {amount} 已到賬{bonusNote}，目前餘額 {balance}。收據號碼 {receiptNo}。本短訊為模擬，並無真實扣款。',
  'topup_sms.bonusNote': '（含贈送 {bonus}）',
  'topup_email.title': '電子收據：增值 {total} 已到賬',
  'topup_email.body':
    '【模擬電子收據】收據號碼：{receiptNo}\n時間：{time}\n卡：{card} {number}\n增值金額：{amount}\n贈送金額：{bonus}\n到賬合計：{total}\n付款方式：{method}\n商戶訂單號：{outTradeNo}\n交易單號：{transactionId}\n目前餘額：{balance}\n本收據為模擬練習，並無真實扣款。',
  'payment_code.title': '付款驗證碼短訊',
  'payment_code.body':
    '【模擬銀行短訊】您正在付款 {amount}（{merchant}），驗證碼 {code}，{minutes} 分鐘內有效。請勿告訴任何人。',
  'trip_receipt.title': '通行扣費',
  'trip_receipt.body':
    '【跨境卡續費助手·模擬】{card}（{number}）於 {time} 通行 {segment}，扣費 {fee}，餘額 {balance}。收據號碼 {receiptNo}。示例路段，收費為模擬。',
  'low_balance.title': '餘額不足提醒',
  'low_balance.body':
    '【跨境卡續費助手·模擬】{card}（{number}）餘額 {balance}，已低於您設定的提醒金額 {threshold}。請及時透過官方渠道增值，以免在收費站被拒。',
  'auto_topup.title': '自動增值',
  'auto_topup.body': '【跨境卡續費助手·模擬】{card}（{number}）餘額 {balance}，低於提醒金額 {threshold}。{outcome}',
  'auto_topup.ordered':
    '已按您的設定自動增值 {amount}（{method}，免密扣款），到賬後會收到增值短訊和電子收據。今天不會再自動增值。模擬，並無真實扣款。',
  'auto_topup.refused': '自動增值 {amount} 未能完成：{reason}。今天不再自動重試，請手動增值。',
  'reset_code.title': '重設密碼驗證碼',
  'reset_code.body':
    '【跨境卡續費助手·模擬短訊】您正在重設登入密碼，驗證碼是 {code}，{minutes} 分鐘內有效。如非本人操作，請忽略本短訊，切勿將驗證碼告訴任何人。',
  'reset_no_account.title': '重設密碼',
  'reset_no_account.body':
    '【跨境卡續費助手·模擬短訊】有人用本手機號碼申請重設跨境卡續費助手的密碼，但本號碼尚未註冊賬戶，因此沒有發出驗證碼。如需使用，請先註冊；如非本人操作，請忽略。',
  'password_reset.title': '登入密碼已重設',
  'password_reset.body':
    '您的登入密碼已於 {time} 以短訊驗證碼重設，其他裝置上的登入已全部登出。如非本人操作，請立即再次重設密碼。',
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
  'topup_sms.title': 'Top-up credited (SMS)',
  'topup_sms.body':
    '[Top-up Helper · simulated SMS] {amount} topped up on your {card} ({number}) at {time} has arrived{bonusNote}; balance now {balance}. Receipt {receiptNo}. A simulation: nothing was charged.',
  'topup_sms.bonusNote': ' (plus a {bonus} bonus)',
  'topup_email.title': 'E-receipt: {total} top-up credited',
  'topup_email.body':
    '[Simulated e-receipt] Receipt no.: {receiptNo}\nTime: {time}\nCard: {card} {number}\nTop-up amount: {amount}\nBonus: {bonus}\nTotal credited: {total}\nPayment method: {method}\nMerchant order no.: {outTradeNo}\nTransaction no.: {transactionId}\nBalance now: {balance}\nA practice simulation: nothing was charged.',
  'payment_code.title': 'Payment code (SMS)',
  'payment_code.body':
    '[Simulated bank SMS] You are paying {amount} to {merchant}. Your code is {code}, valid for {minutes} minutes. Never share it.',
  'trip_receipt.title': 'Toll charged',
  'trip_receipt.body':
    '[Top-up Helper · simulated] {card} ({number}) passed {segment} at {time}: {fee} charged, balance {balance}. Receipt {receiptNo}. A sample segment with a simulated fee.',
  'low_balance.title': 'Low balance',
  'low_balance.body':
    '[Top-up Helper · simulated] The balance of your {card} ({number}) is {balance}, under your reminder amount of {threshold}. Top up through official channels so a toll lane does not turn you away.',
  'auto_topup.title': 'Auto top-up',
  'auto_topup.body':
    '[Top-up Helper · simulated] The balance of your {card} ({number}) is {balance}, under your reminder amount of {threshold}. {outcome}',
  'auto_topup.ordered':
    'As you set it, {amount} was topped up automatically ({method}, standing agreement); the top-up SMS and e-receipt follow once it is credited. No more auto top-ups today. A simulation: nothing was charged.',
  'auto_topup.refused':
    'The auto top-up of {amount} could not be made: {reason}. It will not be retried today; please top up by hand.',
  'reset_code.title': 'Password reset code',
  'reset_code.body':
    '[Top-up Helper · simulated SMS] You are resetting your password. Your code is {code}, valid for {minutes} minutes. If this was not you, ignore this SMS and never share the code.',
  'reset_no_account.title': 'Password reset',
  'reset_no_account.body':
    '[Top-up Helper · simulated SMS] Someone asked to reset the Top-up Helper password of this number, but no account is registered with it, so no code was sent. Register first to use it; if this was not you, ignore this SMS.',
  'password_reset.title': 'Password reset',
  'password_reset.body':
    'Your password was reset with an SMS code at {time}, and every other device was logged out. If this was not you, reset it again at once.',
};

export const notificationMessages: Record<Language, Record<NotificationKey, string>> = {
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  en,
};

export function notificationText(lang: Language, key: NotificationKey, params?: MessageParams): string {
  return formatMessage(notificationMessages[lang][key], params);
}

/** `2026-12-02 14:30 (UTC+8)`: receipts name the cards' home time whatever the reader's zone. */
function receiptTime(at: string): string {
  return `${cardLocalTime(new Date(at))} (UTC+8)`;
}

/** The placeholders of a notice's texts, localized: names of cards, segments and methods, money, times. */
function noticeParams(lang: Language, notice: Notice): MessageParams {
  const card: MessageParams =
    'cardType' in notice ? { card: CARDS[notice.cardType].name[lang], number: notice.number } : {};
  switch (notice.kind) {
    case 'sms_code':
    case 'reset_code':
      return { code: notice.code, minutes: notice.minutes };
    case 'payment_code':
      return {
        code: notice.code,
        minutes: notice.minutes,
        amount: formatMoney(notice.amount),
        merchant: SIMULATED_MERCHANT_NAME[lang],
      };
    case 'password_reset':
      return { time: receiptTime(notice.at) };
    case 'welcome':
    case 'reset_no_account':
      return {};
    case 'card_bound':
    case 'card_unbound':
      return card;
    case 'topup_sms':
    case 'topup_email':
      return {
        ...card,
        time: receiptTime(notice.at),
        amount: formatMoney(notice.amount),
        bonus: formatMoney(notice.bonus),
        total: formatMoney(notice.total),
        balance: formatMoney(notice.balance),
        method: PAYMENT_METHOD_NAMES[notice.method][lang],
        receiptNo: notice.receiptNo,
        outTradeNo: notice.outTradeNo,
        transactionId: notice.transactionId,
        bonusNote:
          notice.bonus.amountMinor > 0
            ? notificationText(lang, 'topup_sms.bonusNote', { bonus: formatMoney(notice.bonus) })
            : '',
      };
    case 'trip_receipt':
      return {
        ...card,
        time: receiptTime(notice.at),
        // A segment unknown to this version reads as a plain toll, as in the history list.
        segment:
          (notice.segmentId ? findSegment(notice.cardType, notice.segmentId)?.name[lang] : undefined) ??
          historyText(lang, 'title.trip'),
        fee: formatMoney(notice.fee),
        balance: formatMoney(notice.balance),
        receiptNo: notice.receiptNo,
      };
    case 'low_balance':
      return { ...card, balance: formatMoney(notice.balance), threshold: formatMoney(notice.threshold) };
    case 'auto_topup': {
      const outcome = { amount: formatMoney(notice.amount), method: PAYMENT_METHOD_NAMES[notice.method][lang] };
      return {
        ...card,
        balance: formatMoney(notice.balance),
        threshold: formatMoney(notice.threshold),
        outcome: notice.refusal
          ? notificationText(lang, 'auto_topup.refused', {
              ...outcome,
              // An error that names the card (METHOD_NOT_ACCEPTED) names it in the reader's language.
              reason: errorMessage(lang, notice.refusal.code, { ...notice.refusal.params, card: card.card ?? '' }),
            })
          : notificationText(lang, 'auto_topup.ordered', outcome),
      };
    }
  }
}

/** A notice's title and body in one language. */
export function renderNotice(lang: Language, notice: Notice): { title: string; body: string } {
  const params = noticeParams(lang, notice);
  const key = (part: 'title' | 'body') => `${notice.kind satisfies MessageKind}.${part}` as NotificationKey;
  return { title: notificationText(lang, key('title'), params), body: notificationText(lang, key('body'), params) };
}
