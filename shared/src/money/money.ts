import { z } from 'zod';
import { CURRENCY_SYMBOLS, currencySchema, type Currency } from '../cards/cards';

/**
 * Money is an integer number of minor units (fen / cents) plus its currency, never a float. Both
 * currencies the product knows (CNY, HKD) have two decimals.
 */
export const moneySchema = z.object({ amountMinor: z.number().int(), currency: currencySchema }).meta({ id: 'Money' });
export type Money = z.infer<typeof moneySchema>;

export const MINOR_PER_UNIT = 100;

export function money(amountMinor: number, currency: Currency): Money {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`not a whole number of minor units: ${amountMinor}`);
  return { amountMinor, currency };
}

/** Sum of amounts in one currency; mixing currencies is a programming error. */
export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new TypeError(`cannot add ${a.currency} to ${b.currency}`);
  return money(a.amountMinor + b.amountMinor, a.currency);
}

/** `1234.50` from 123450: the decimal string payment providers put on the wire (Alipay's total_amount). */
export function minorToDecimal(amountMinor: number): string {
  const sign = amountMinor < 0 ? '-' : '';
  const minor = Math.abs(amountMinor);
  return `${sign}${Math.floor(minor / MINOR_PER_UNIT)}.${String(minor % MINOR_PER_UNIT).padStart(2, '0')}`;
}

const DECIMAL_AMOUNT = /^(\d{1,9})(?:\.(\d{1,2}))?$/;

/**
 * Minor units from what a person types (`200`, `200.5`, `200.50`); undefined for anything else. Parsed
 * as text, so `0.1 + 0.2` style float errors cannot creep in.
 */
export function decimalToMinor(text: string): number | undefined {
  const match = DECIMAL_AMOUNT.exec(text.trim());
  if (!match) return undefined;
  const cents = (match[2] ?? '').padEnd(2, '0');
  return Number(match[1]) * MINOR_PER_UNIT + Number(cents);
}

/**
 * `¥1,234.50` / `HK$0.00` / `-¥20.00`: the one formatter of the product (miniapp screens and the
 * server's receipts). Integer arithmetic only, so no float rounding can show.
 */
export function formatMoney({ amountMinor, currency }: Money): string {
  const sign = amountMinor < 0 ? '-' : '';
  const [whole = '0', cents = '00'] = minorToDecimal(Math.abs(amountMinor)).split('.');
  return `${sign}${CURRENCY_SYMBOLS[currency]}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** `¥200` for whole amounts (preset buttons), else the full form. */
export function formatMoneyShort(value: Money): string {
  return value.amountMinor % MINOR_PER_UNIT === 0
    ? `${value.amountMinor < 0 ? '-' : ''}${CURRENCY_SYMBOLS[value.currency]}${String(Math.abs(value.amountMinor) / MINOR_PER_UNIT).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`
    : formatMoney(value);
}
