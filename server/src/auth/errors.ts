import { SMS_CODE_MAX_ATTEMPTS } from '@cbc/shared';
import { AppError, BadRequestError, ConflictError } from '../errors/app-error';

export class DeviceIdRequiredError extends BadRequestError {
  constructor() {
    super('DEVICE_ID_REQUIRED');
  }
}

export class PhoneAlreadyRegisteredError extends ConflictError {
  constructor() {
    super('PHONE_ALREADY_REGISTERED', {}, 'phone.number');
  }
}

export class AccountHasPhoneError extends ConflictError {
  constructor() {
    super('ACCOUNT_HAS_PHONE');
  }
}

export class SmsCodeInvalidError extends BadRequestError {
  constructor(remaining: number) {
    super('SMS_CODE_INVALID', { remaining: Math.max(0, Math.min(SMS_CODE_MAX_ATTEMPTS, remaining)) }, 'smsCode');
  }
}

/** No code pending for this phone at this device's request (also what another device's guess is told). */
export class SmsCodeNotRequestedError extends BadRequestError {
  constructor() {
    super('SMS_CODE_NOT_REQUESTED', {}, 'smsCode');
  }
}

export class SmsCodeExpiredError extends BadRequestError {
  constructor() {
    super('SMS_CODE_EXPIRED', {}, 'smsCode');
  }
}

export class SmsCodeLockedError extends BadRequestError {
  constructor() {
    super('SMS_CODE_LOCKED', {}, 'smsCode');
  }
}

export class WechatCodeError extends BadRequestError {
  constructor(code: 'WECHAT_CODE_INVALID' | 'WECHAT_CODE_EXPIRED' | 'WECHAT_CODE_USED') {
    super(code, {}, 'code');
  }
}

/** 429 for a phone with too many failed logins from all addresses together; also sends Retry-After. */
export class LoginLockedError extends AppError {
  constructor(seconds: number) {
    super('LOGIN_LOCKED', 429, { seconds: Math.max(1, Math.ceil(seconds)) });
  }
}
