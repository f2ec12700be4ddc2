import type { ErrorCode } from '../contracts/errors';
import type { Language } from './languages';
import { formatMessage, type MessageParams } from './format';

const zhHans = {
  VALIDATION_FAILED: '{field}：{reason}',
  INVALID_JSON: '请求内容不是有效的 JSON',
  BAD_REQUEST: '请求无法处理，请检查后重试',
  NOT_FOUND: '找不到请求的内容',
  ROUTE_NOT_FOUND: '接口不存在：{method} {url}',
  GUIDE_NOT_FOUND: '找不到指南「{slug}」',
  RATE_LIMITED: '操作太频繁，请 {seconds} 秒后再试',
  PAYLOAD_TOO_LARGE: '上传内容太大',
  UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后再试',
  INTERNAL_ERROR: '服务器出了点问题，请稍后再试',
  UNAUTHENTICATED: '请先登录',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  INVALID_CREDENTIALS: '手机号或密码不对',
  PHONE_ALREADY_REGISTERED: '这个手机号已经注册，请直接登录',
  ACCOUNT_HAS_PHONE: '当前账户已绑定手机号',
  SMS_CODE_INVALID: '验证码不对，还可以再试 {remaining} 次',
  SMS_CODE_EXPIRED: '验证码已过期，请重新获取',
  SMS_CODE_LOCKED: '验证码错误次数太多，请重新获取',
  SMS_CODE_TOO_SOON: '验证码已发送，请 {seconds} 秒后再获取',
  WECHAT_CODE_INVALID: '微信登录凭证无效，请重试',
  WECHAT_CODE_EXPIRED: '微信登录凭证已过期，请重试',
  WECHAT_CODE_USED: '微信登录凭证已使用，请重试',
  DEVICE_ID_REQUIRED: '缺少设备标识，请重启应用后再试',
  CARD_NOT_FOUND: '找不到这张卡片',
  CARD_ALREADY_BOUND: '这张卡已经在你的账户里了',
  CARD_BOUND_ELSEWHERE: '这张卡已被其他账户绑定；如有疑问，请联系发卡机构官方客服',
  CARD_LIMIT_REACHED: '每个账户最多绑定 {max} 张卡片',
  PHOTO_MISSING: '请选择证件照片',
  PHOTO_TOO_LARGE: '照片不能超过 {maxMb} MB',
  PHOTO_NOT_IMAGE: '只支持 JPEG 或 PNG 格式的照片',
} as const satisfies Record<ErrorCode, string>;

const zhHant = {
  VALIDATION_FAILED: '{field}：{reason}',
  INVALID_JSON: '請求內容不是有效的 JSON',
  BAD_REQUEST: '請求無法處理，請檢查後重試',
  NOT_FOUND: '找不到請求的內容',
  ROUTE_NOT_FOUND: '介面不存在：{method} {url}',
  GUIDE_NOT_FOUND: '找不到指南「{slug}」',
  RATE_LIMITED: '操作太頻繁，請 {seconds} 秒後再試',
  PAYLOAD_TOO_LARGE: '上傳內容太大',
  UNSUPPORTED_MEDIA_TYPE: '不支援的內容類型',
  SERVICE_UNAVAILABLE: '服務暫時不可用，請稍後再試',
  INTERNAL_ERROR: '伺服器出了點問題，請稍後再試',
  UNAUTHENTICATED: '請先登入',
  SESSION_EXPIRED: '登入已逾時，請重新登入',
  INVALID_CREDENTIALS: '手機號碼或密碼不正確',
  PHONE_ALREADY_REGISTERED: '這個手機號碼已經註冊，請直接登入',
  ACCOUNT_HAS_PHONE: '目前賬戶已綁定手機號碼',
  SMS_CODE_INVALID: '驗證碼不正確，還可以再試 {remaining} 次',
  SMS_CODE_EXPIRED: '驗證碼已過期，請重新獲取',
  SMS_CODE_LOCKED: '驗證碼錯誤次數太多，請重新獲取',
  SMS_CODE_TOO_SOON: '驗證碼已發送，請 {seconds} 秒後再獲取',
  WECHAT_CODE_INVALID: '微信登入憑證無效，請重試',
  WECHAT_CODE_EXPIRED: '微信登入憑證已過期，請重試',
  WECHAT_CODE_USED: '微信登入憑證已使用，請重試',
  DEVICE_ID_REQUIRED: '缺少裝置標識，請重新啟動應用程式後再試',
  CARD_NOT_FOUND: '找不到這張卡',
  CARD_ALREADY_BOUND: '這張卡已經在你的賬戶裏',
  CARD_BOUND_ELSEWHERE: '這張卡已被其他賬戶綁定；如有疑問，請聯絡發卡機構官方客戶服務',
  CARD_LIMIT_REACHED: '每個賬戶最多綁定 {max} 張卡',
  PHOTO_MISSING: '請選擇證件相片',
  PHOTO_TOO_LARGE: '相片不可超過 {maxMb} MB',
  PHOTO_NOT_IMAGE: '只支援 JPEG 或 PNG 格式的相片',
} as const satisfies Record<ErrorCode, string>;

const en = {
  VALIDATION_FAILED: '{field}: {reason}',
  INVALID_JSON: 'The request body is not valid JSON',
  BAD_REQUEST: 'The request could not be processed; check it and retry',
  NOT_FOUND: 'Nothing was found here',
  ROUTE_NOT_FOUND: 'No such endpoint: {method} {url}',
  GUIDE_NOT_FOUND: 'Guide "{slug}" was not found',
  RATE_LIMITED: 'Too many attempts; try again in {seconds} s',
  PAYLOAD_TOO_LARGE: 'The upload is too large',
  UNSUPPORTED_MEDIA_TYPE: 'This content type is not supported',
  SERVICE_UNAVAILABLE: 'The service is unavailable for a moment; try again soon',
  INTERNAL_ERROR: 'Something went wrong on our side; try again soon',
  UNAUTHENTICATED: 'Please log in first',
  SESSION_EXPIRED: 'Your session has expired; please log in again',
  INVALID_CREDENTIALS: 'The phone number or password is wrong',
  PHONE_ALREADY_REGISTERED: 'This phone number is already registered; log in instead',
  ACCOUNT_HAS_PHONE: 'This account already has a phone number',
  SMS_CODE_INVALID: 'Wrong verification code; {remaining} tries left',
  SMS_CODE_EXPIRED: 'The verification code has expired; request a new one',
  SMS_CODE_LOCKED: 'Too many wrong codes; request a new one',
  SMS_CODE_TOO_SOON: 'A code was just sent; you can request another in {seconds} s',
  WECHAT_CODE_INVALID: 'The WeChat login code is not valid; try again',
  WECHAT_CODE_EXPIRED: 'The WeChat login code has expired; try again',
  WECHAT_CODE_USED: 'The WeChat login code was already used; try again',
  DEVICE_ID_REQUIRED: 'The device id is missing; restart the app and retry',
  CARD_NOT_FOUND: 'This card was not found',
  CARD_ALREADY_BOUND: 'This card is already in your account',
  CARD_BOUND_ELSEWHERE:
    'This card is bound to another account; if that is wrong, contact the card operator’s official customer service',
  CARD_LIMIT_REACHED: 'An account can bind at most {max} cards',
  PHOTO_MISSING: 'Choose a photo of the ID document',
  PHOTO_TOO_LARGE: 'The photo must be at most {maxMb} MB',
  PHOTO_NOT_IMAGE: 'Only JPEG or PNG photos are accepted',
} as const satisfies Record<ErrorCode, string>;

export const errorMessages: Record<Language, Record<ErrorCode, string>> = {
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  en,
};

/**
 * Reasons the validation messages use where zod's own locale has no fitting phrase: zod reports a
 * missing value as "expected string, received undefined", which reads like a bug to a driver.
 */
export const VALIDATION_REASONS = ['required', 'invalid'] as const;
export type ValidationReason = (typeof VALIDATION_REASONS)[number];

export const validationReasons: Record<Language, Record<ValidationReason, string>> = {
  'zh-Hans': { required: '此项必填', invalid: '格式不正确' },
  'zh-Hant': { required: '此項必填', invalid: '格式不正確' },
  en: { required: 'this field is required', invalid: 'the value is not valid' },
};

/**
 * Human names of request fields, so a validation message says "卡片类型", not "card". Keys are field
 * paths with list indexes written as `*` (`plates.*.number`).
 */
const fieldLabelsZhHans = {
  card: '卡片类型',
  lang: '语言',
  slug: '指南编号',
  phone: '手机号码',
  'phone.region': '手机号码地区',
  'phone.number': '手机号码',
  email: '电子邮箱',
  password: '密码',
  smsCode: '验证码',
  purpose: '用途',
  code: '微信登录凭证',
  ids: '消息',
  id: '卡片编号',
  type: '卡片类型',
  number: '卡号',
  plates: '车牌',
  'plates.*.region': '车牌地区',
  'plates.*.number': '车牌号码',
  idDocument: '身份证件',
  'idDocument.type': '证件类型',
  'idDocument.number': '证件号码',
  isDefault: '默认卡片',
  photo: '证件照片',
} as const;
export type FieldName = keyof typeof fieldLabelsZhHans;

export const fieldLabels: Record<Language, Record<FieldName, string>> = {
  'zh-Hans': fieldLabelsZhHans,
  'zh-Hant': {
    card: '卡片類型',
    lang: '語言',
    slug: '指南編號',
    phone: '手機號碼',
    'phone.region': '手機號碼地區',
    'phone.number': '手機號碼',
    email: '電郵地址',
    password: '密碼',
    smsCode: '驗證碼',
    purpose: '用途',
    code: '微信登入憑證',
    ids: '訊息',
    id: '卡編號',
    type: '卡片類型',
    number: '卡號',
    plates: '車牌',
    'plates.*.region': '車牌地區',
    'plates.*.number': '車牌號碼',
    idDocument: '身份證明文件',
    'idDocument.type': '證件類型',
    'idDocument.number': '證件號碼',
    isDefault: '預設卡',
    photo: '證件相片',
  },
  en: {
    card: 'Card type',
    lang: 'Language',
    slug: 'Guide id',
    phone: 'Phone number',
    'phone.region': 'Phone region',
    'phone.number': 'Phone number',
    email: 'E-mail',
    password: 'Password',
    smsCode: 'Verification code',
    purpose: 'Purpose',
    code: 'WeChat login code',
    ids: 'Messages',
    id: 'Card id',
    type: 'Card type',
    number: 'Card number',
    plates: 'Plates',
    'plates.*.region': 'Plate region',
    'plates.*.number': 'Plate number',
    idDocument: 'ID document',
    'idDocument.type': 'ID document type',
    'idDocument.number': 'ID number',
    isDefault: 'Default card',
    photo: 'ID photo',
  },
};

export function fieldLabel(lang: Language, field: string): string {
  const labels: Record<string, string> = fieldLabels[lang];
  const pattern = field.replace(/\.\d+(?=\.|$)/g, '.*');
  const head = field.split('.')[0] ?? field;
  const label = labels[pattern] ?? labels[head] ?? field;
  // Say which plate when there are several: "车牌号码 2".
  const index = /^plates\.(\d+)/.exec(field)?.[1];
  return index === undefined ? label : `${label} ${Number(index) + 1}`;
}

export function errorMessage(lang: Language, code: ErrorCode, params?: MessageParams): string {
  return formatMessage(errorMessages[lang][code], params);
}
