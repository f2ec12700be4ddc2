export * from './luhn';
export * from './card-number';
export * from './phone';
export * from './plates';
export * from './identity';
export * from './password';
export * from './sms-code';
export * from './zod';
