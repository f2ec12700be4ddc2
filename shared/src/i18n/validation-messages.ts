import type { ValidationMessageKey } from '../validation/zod';
import type { Language } from './languages';

/**
 * Texts for the message keys the validation schemas report. zh-Hant follows Hong Kong usage (身份證),
 * with 手機號碼 as everywhere else in the app. Plate examples keep the Simplified 粤 in every language: that is the character
 * painted on mainland plates and the one the validator expects.
 */

const zhHans = {
  'validation.phone.empty': '请输入手机号码',
  'validation.phone.format': '手机号码格式不对，请检查所选地区和号码位数',
  'validation.password.too_short': '密码至少 8 位',
  'validation.password.too_long': '密码不能超过 64 位',
  'validation.password.too_weak': '密码需要同时包含字母和数字',
  'validation.smsCode.empty': '请输入验证码',
  'validation.smsCode.format': '验证码是 6 位数字',
  'validation.plate.empty': '请输入车牌号码',
  'validation.plate.format.mainland': '车牌格式不对，内地车牌例如 粤B·12345 或 粤Z·1234港',
  'validation.plate.format.hk': '车牌格式不对，香港车牌例如 AB 1234',
  'validation.plate.format.macau': '车牌格式不对，澳门车牌例如 MX-12-34',
  'validation.id.empty': '请输入证件号码',
  'validation.id.format': '证件号码格式不对，请对照证件逐位核对',
  'validation.id.check_digit': '身份证号码校验码不对，请逐位核对',
  'validation.id.birth_date': '身份证号码里的出生日期不对，请核对',
  'validation.cardNumber.empty': '请输入卡号',
  'validation.cardNumber.not_digits': '卡号只能包含数字',
  'validation.cardNumber.wrong_length': '卡号应为 16 位数字',
  'validation.cardNumber.wrong_prefix': '卡号开头不对，请确认选对了卡片类型',
  'validation.cardNumber.check_digit': '卡号校验位不对，请逐位核对',
} as const satisfies Record<ValidationMessageKey, string>;

const zhHant = {
  'validation.phone.empty': '請輸入手機號碼',
  'validation.phone.format': '手機號碼格式不正確，請檢查所選地區及號碼位數',
  'validation.password.too_short': '密碼最少 8 個字元',
  'validation.password.too_long': '密碼不可超過 64 個字元',
  'validation.password.too_weak': '密碼須同時包含字母及數字',
  'validation.smsCode.empty': '請輸入驗證碼',
  'validation.smsCode.format': '驗證碼為 6 位數字',
  'validation.plate.empty': '請輸入車牌號碼',
  'validation.plate.format.mainland': '車牌格式不正確，內地車牌例如 粤B·12345 或 粤Z·1234港',
  'validation.plate.format.hk': '車牌格式不正確，香港車牌例如 AB 1234',
  'validation.plate.format.macau': '車牌格式不正確，澳門車牌例如 MX-12-34',
  'validation.id.empty': '請輸入證件號碼',
  'validation.id.format': '證件號碼格式不正確，請對照證件逐位核對',
  'validation.id.check_digit': '身份證號碼的校驗碼不正確，請逐位核對',
  'validation.id.birth_date': '身份證號碼中的出生日期不正確，請核對',
  'validation.cardNumber.empty': '請輸入卡號',
  'validation.cardNumber.not_digits': '卡號只可包含數字',
  'validation.cardNumber.wrong_length': '卡號應為 16 位數字',
  'validation.cardNumber.wrong_prefix': '卡號開頭不正確，請確認所選的卡類別',
  'validation.cardNumber.check_digit': '卡號校驗位不正確，請逐位核對',
} as const satisfies Record<ValidationMessageKey, string>;

const en = {
  'validation.phone.empty': 'Enter your mobile number',
  'validation.phone.format': 'This is not a mobile number of the selected region; check the region and the digits',
  'validation.password.too_short': 'Use at least 8 characters',
  'validation.password.too_long': 'Use at most 64 characters',
  'validation.password.too_weak': 'Include at least one letter and one digit',
  'validation.smsCode.empty': 'Enter the verification code',
  'validation.smsCode.format': 'The verification code is 6 digits',
  'validation.plate.empty': 'Enter the plate number',
  'validation.plate.format.mainland':
    'Plate format not recognised; a mainland plate looks like 粤B·12345 or 粤Z·1234港',
  'validation.plate.format.hk': 'Plate format not recognised; a Hong Kong plate looks like AB 1234',
  'validation.plate.format.macau': 'Plate format not recognised; a Macau plate looks like MX-12-34',
  'validation.id.empty': 'Enter the document number',
  'validation.id.format': 'The number does not fit this document type; compare it with the document',
  'validation.id.check_digit': 'The ID number’s check character does not match; check each character',
  'validation.id.birth_date': 'The birth date inside the ID number is not valid; check it',
  'validation.cardNumber.empty': 'Enter the card number',
  'validation.cardNumber.not_digits': 'The card number has digits only',
  'validation.cardNumber.wrong_length': 'The card number has 16 digits',
  'validation.cardNumber.wrong_prefix': 'The number does not start like this card type; check the card type you chose',
  'validation.cardNumber.check_digit': 'The card number’s last digit does not match; check each digit',
} as const satisfies Record<ValidationMessageKey, string>;

export const validationMessages: Record<Language, Record<ValidationMessageKey, string>> = {
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  en,
};

export function validationMessage(lang: Language, key: ValidationMessageKey): string {
  return validationMessages[lang][key];
}
