import { homeTimeDigits, randomDigits } from '../ids/numbers';

/**
 * 商户订单号: WeChat Pay wants 6–32 of [0-9A-Za-z_-], unique per merchant. Time first (sortable,
 * readable on a receipt), then randomness so two orders in the same second never collide.
 */
export function newOutTradeNo(at: Date): string {
  return `CB${homeTimeDigits(at)}${randomDigits(10)}`;
}
