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

/** Human names of request fields, so a validation message says "卡片类型", not "card". */
const fieldLabelsZhHans = {
  card: '卡片类型',
  lang: '语言',
  slug: '指南编号',
} as const;
export type FieldName = keyof typeof fieldLabelsZhHans;

export const fieldLabels: Record<Language, Record<FieldName, string>> = {
  'zh-Hans': fieldLabelsZhHans,
  'zh-Hant': { card: '卡片類型', lang: '語言', slug: '指南編號' },
  en: { card: 'Card type', lang: 'Language', slug: 'Guide id' },
};

export function fieldLabel(lang: Language, field: string): string {
  const labels: Record<string, string> = fieldLabels[lang];
  // Nested paths (plates.0) are labelled by their first segment.
  const head = field.split('.')[0] ?? field;
  return labels[head] ?? field;
}

export function errorMessage(lang: Language, code: ErrorCode, params?: MessageParams): string {
  return formatMessage(errorMessages[lang][code], params);
}
