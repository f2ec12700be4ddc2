import Taro from '@tarojs/taro';
import type { ReminderRequest } from '@cbc/shared';

// Declared here, not imported: in the weapp build `./subscribe-reminder` resolves to this very file.
export type SubscribeAnswer = NonNullable<ReminderRequest['subscribe']>;

/**
 * The low-balance reminder's subscription-message template. A real mini-program configures it at
 * mp.weixin.qq.com (功能 → 订阅消息) and gets an id there; this practice app has none, so WeChat answers
 * with a failure and the answer recorded is `unsupported`. The sending itself is simulated (inbox).
 */
const REMINDER_TEMPLATE_ID = 'cbc-simulated-low-balance-reminder';

/** Asks WeChat for permission to send the reminder (must run inside a tap handler). */
export async function askReminderSubscription(): Promise<SubscribeAnswer> {
  try {
    const result = await Taro.requestSubscribeMessage({ tmplIds: [REMINDER_TEMPLATE_ID], entityIds: [] });
    const answer = (result as Record<string, unknown>)[REMINDER_TEMPLATE_ID];
    return answer === 'accept' || answer === 'reject' || answer === 'ban' ? answer : 'unsupported';
  } catch {
    return 'unsupported';
  }
}
