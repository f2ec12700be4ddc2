import type { Language } from './languages';
import { formatMessage, type MessageParams } from './format';

/**
 * Every user-facing string of the miniapp. zh-Hans is the reference: the other languages must
 * have exactly its keys (checked by the compiler) and its placeholders (checked by a test).
 */
const zhHans = {
  'app.name': '跨境卡续费助手',
  'app.simulationBadge': '模拟',
  'app.simulationNotice': '本应用的在线流程仅为模拟练习，不会产生真实扣款；真实续费请只通过发卡机构的官方渠道办理。',
  'app.scamWarning': '只通过官方渠道充值。切勿向陌生人、聊天群或自称“代充值”的人付款。',

  'tab.home': '首页',
  'tab.guides': '指南',

  'lang.label': '语言',
  'lang.switchTitle': '选择语言',
  'common.cancel': '取消',
  'common.backToGuides': '返回指南列表',

  'format.months': '1,2,3,4,5,6,7,8,9,10,11,12',
  'format.date': '{year}年{month}月{day}日',
  'format.dateTime': '{month}月{day}日 {hour}:{minute}',
  'format.listSeparator': '、',

  'state.loading': '加载中…',
  'state.empty': '暂时没有内容',
  'state.errorTitle': '加载失败',
  'state.retry': '重试',
  'state.offlineCached': '网络不可用，正在显示 {time} 保存的内容',
  'state.refreshingCached': '正在显示已保存的内容，正在更新…',
  'state.networkError': '网络连接失败，请检查网络后重试',
  'state.timeout': '请求超时，请稍后重试',
  'state.badReply': '服务器返回了无法识别的内容',
  'state.emptyHint': '下拉刷新试试，或稍后再来看看',

  'home.welcomeTitle': '第一次给跨境卡续费？',
  'home.welcomeBody': '这里有两张卡各个续费渠道的图文指南，还可以安全地模拟练习官方的在线充值流程。',
  'home.cardsTitle': '两张卡',
  'home.cardCoverage': '适用范围',
  'home.cardCurrency': '余额币种',
  'home.cardType': '跨境电子缴费卡',
  'home.cardOpenGuides': '看看这张卡怎么续费',
  'home.openGuides': '查看续费指南',
  'home.simulationTitle': '模拟练习',
  'home.simulationBody': '注册 → 绑卡 → 选择金额 → 模拟支付 → 到账 → 余额与账单，全程不扣真实费用。',
  'home.simulationSoon': '模拟练习将在后续版本开放',

  'guides.title': '续费指南',
  'guides.chooseCard': '选择卡片',
  'guides.online': '在线续费',
  'guides.offlineChannels': '线下渠道',
  'guides.tips': '续费小贴士',
  'guides.stepCount': '共 {count} 步',
  'guides.bring': '需要携带',
  'guides.openChannel': '查看办理方式',
  'guides.bringMore': '等 {count} 项',

  'guide.prerequisites': '开始前准备',
  'guide.steps': '操作步骤',
  'guide.tips': '小贴士',
  'guide.stepLabel': '第 {n} 步',
  'guide.menuPath': '菜单路径',
  'guide.updatedAt': '更新于 {date}',
  'guide.notFound': '找不到这篇指南',

  'channel.bring': '需要携带',
  'channel.steps': '办理步骤',
  'channel.tips': '注意事项',
  'channel.notFound': '找不到这个渠道',

  'channelKind.toll-station': '高速收费站',
  'channelKind.bank-branch': '合作银行网点',
  'channelKind.kiosk': '自助服务机',
  'channelKind.service-centre': '客户服务中心',
  'channelKind.convenience-store': '便利店柜台',
  'channelKind.atm': '银行自动柜员机',

  'currency.CNY': '人民币（CNY）',
  'currency.HKD': '港币（HKD）',
} as const;

export type UiKey = keyof typeof zhHans;

const zhHant: Record<UiKey, string> = {
  'app.name': '跨境卡續費助手',
  'app.simulationBadge': '模擬',
  'app.simulationNotice': '本應用的網上流程僅為模擬練習，不會產生真實扣款；真實續費請只透過發卡機構的官方渠道辦理。',
  'app.scamWarning': '只透過官方渠道增值。切勿向陌生人、聊天群組或自稱「代增值」的人付款。',

  'tab.home': '首頁',
  'tab.guides': '指南',

  'lang.label': '語言',
  'lang.switchTitle': '選擇語言',
  'common.cancel': '取消',
  'common.backToGuides': '返回指南列表',

  'format.months': '1,2,3,4,5,6,7,8,9,10,11,12',
  'format.date': '{year}年{month}月{day}日',
  'format.dateTime': '{month}月{day}日 {hour}:{minute}',
  'format.listSeparator': '、',

  'state.loading': '載入中…',
  'state.empty': '暫時沒有內容',
  'state.errorTitle': '載入失敗',
  'state.retry': '重試',
  'state.offlineCached': '網絡不可用，正在顯示 {time} 儲存的內容',
  'state.refreshingCached': '正在顯示已儲存的內容，正在更新…',
  'state.networkError': '網絡連線失敗，請檢查網絡後重試',
  'state.timeout': '請求逾時，請稍後重試',
  'state.badReply': '伺服器回傳了無法識別的內容',
  'state.emptyHint': '向下拉重新整理，或稍後再來看看',

  'home.welcomeTitle': '第一次為跨境卡續費？',
  'home.welcomeBody': '這裏有兩張卡各個續費渠道的圖文指南，還可以安全地模擬練習官方的網上增值流程。',
  'home.cardsTitle': '兩張卡',
  'home.cardCoverage': '適用範圍',
  'home.cardCurrency': '餘額幣種',
  'home.cardType': '跨境電子繳費卡',
  'home.cardOpenGuides': '看看這張卡怎樣續費',
  'home.openGuides': '查看續費指南',
  'home.simulationTitle': '模擬練習',
  'home.simulationBody': '註冊 → 綁卡 → 選擇金額 → 模擬支付 → 到賬 → 餘額與賬單，全程不扣真實費用。',
  'home.simulationSoon': '模擬練習將在後續版本開放',

  'guides.title': '續費指南',
  'guides.chooseCard': '選擇卡片',
  'guides.online': '網上續費',
  'guides.offlineChannels': '線下渠道',
  'guides.tips': '續費小貼士',
  'guides.stepCount': '共 {count} 步',
  'guides.bring': '需要攜帶',
  'guides.openChannel': '查看辦理方式',
  'guides.bringMore': '等 {count} 項',

  'guide.prerequisites': '開始前準備',
  'guide.steps': '操作步驟',
  'guide.tips': '小貼士',
  'guide.stepLabel': '第 {n} 步',
  'guide.menuPath': '選單路徑',
  'guide.updatedAt': '更新於 {date}',
  'guide.notFound': '找不到這篇指南',

  'channel.bring': '需要攜帶',
  'channel.steps': '辦理步驟',
  'channel.tips': '注意事項',
  'channel.notFound': '找不到這個渠道',

  'channelKind.toll-station': '高速收費站',
  'channelKind.bank-branch': '合作銀行分行',
  'channelKind.kiosk': '自助服務機',
  'channelKind.service-centre': '客戶服務中心',
  'channelKind.convenience-store': '便利店櫃檯',
  'channelKind.atm': '銀行自動櫃員機',

  'currency.CNY': '人民幣（CNY）',
  'currency.HKD': '港幣（HKD）',
};

const en: Record<UiKey, string> = {
  'app.name': 'Cross-border Card Top-up Helper',
  'app.simulationBadge': 'Simulation',
  'app.simulationNotice':
    'The online flow in this app is a practice simulation: nothing is ever charged. Real top-ups happen only through the card operator’s official channels.',
  'app.scamWarning':
    'Top up only through official channels. Never pay a stranger, a chat group or a “renewal agent” who offers to top up for you.',

  'tab.home': 'Home',
  'tab.guides': 'Guides',

  'lang.label': 'Language',
  'lang.switchTitle': 'Choose a language',
  'common.cancel': 'Cancel',
  'common.backToGuides': 'Back to the guides',

  'format.months': 'Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec',
  'format.date': '{day} {month} {year}',
  'format.dateTime': '{day} {month}, {hour}:{minute}',
  'format.listSeparator': ', ',

  'state.loading': 'Loading…',
  'state.empty': 'Nothing here yet',
  'state.errorTitle': 'Could not load',
  'state.retry': 'Retry',
  'state.offlineCached': 'Offline: showing the copy saved {time}',
  'state.refreshingCached': 'Showing the saved copy while updating…',
  'state.networkError': 'No network connection. Check it and retry.',
  'state.timeout': 'The request timed out. Try again soon.',
  'state.badReply': 'The server sent a reply the app does not understand',
  'state.emptyHint': 'Pull down to refresh, or check back later',

  'home.welcomeTitle': 'Topping up a cross-border card for the first time?',
  'home.welcomeBody':
    'Step-by-step guides to every renewal channel of both cards, and a safe simulation of the official online top-up to practise on.',
  'home.cardsTitle': 'The two cards',
  'home.cardCoverage': 'Accepted on',
  'home.cardCurrency': 'Balance currency',
  'home.cardType': 'Cross-border electronic toll card',
  'home.cardOpenGuides': 'How to renew this card',
  'home.openGuides': 'Read the renewal guides',
  'home.simulationTitle': 'Practice simulation',
  'home.simulationBody':
    'Register → bind card → choose amount → simulated payment → crediting → balance and history, with nothing real charged.',
  'home.simulationSoon': 'The practice simulation opens in a coming version',

  'guides.title': 'Renewal guides',
  'guides.chooseCard': 'Choose a card',
  'guides.online': 'Online renewal',
  'guides.offlineChannels': 'Offline channels',
  'guides.tips': 'Top-up tips',
  'guides.stepCount': '{count} steps',
  'guides.bring': 'Bring',
  'guides.openChannel': 'How it works',
  'guides.bringMore': '({count} items in all)',

  'guide.prerequisites': 'Before you start',
  'guide.steps': 'Steps',
  'guide.tips': 'Tips',
  'guide.stepLabel': 'Step {n}',
  'guide.menuPath': 'Menu path',
  'guide.updatedAt': 'Updated {date}',
  'guide.notFound': 'This guide was not found',

  'channel.bring': 'What to bring',
  'channel.steps': 'Steps',
  'channel.tips': 'Good to know',
  'channel.notFound': 'This channel was not found',

  'channelKind.toll-station': 'Highway toll station',
  'channelKind.bank-branch': 'Partner bank branch',
  'channelKind.kiosk': 'Self-service kiosk',
  'channelKind.service-centre': 'Customer-service centre',
  'channelKind.convenience-store': 'Convenience-store counter',
  'channelKind.atm': 'Bank ATM',

  'currency.CNY': 'Renminbi (CNY)',
  'currency.HKD': 'Hong Kong dollar (HKD)',
};

export const uiMessages: Record<Language, Record<UiKey, string>> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

export function translate(lang: Language, key: UiKey, params?: MessageParams): string {
  return formatMessage(uiMessages[lang][key], params);
}
