import type { ReminderRequest } from '@cbc/shared';

export type SubscribeAnswer = NonNullable<ReminderRequest['subscribe']>;

/**
 * The browser build has no subscription messages: the inbox alone carries the low-balance reminder,
 * and the server records `unsupported`. The WeChat build asks (subscribe-reminder.weapp.ts).
 */
export function askReminderSubscription(): Promise<SubscribeAnswer> {
  return Promise.resolve('unsupported');
}
