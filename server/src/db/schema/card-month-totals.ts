import type { Selectable } from 'kysely';

/**
 * What a card's orders of one month that may still take money add up to, against the month's cap: order
 * creation adds to it and checks the cap in the same statement, and an order that ends unpaid gives its
 * amount back. One row per card and month.
 */
export interface CardMonthTotalsTable {
  cardId: string;
  /** The month's first instant (ISO 8601 UTC; months run in UTC+8, the cards' home time). */
  monthStart: string;
  orderedMinor: number;
}

export type CardMonthTotalRow = Selectable<CardMonthTotalsTable>;

export const tableName = 'cardMonthTotals';
export type PartialDatabase = { [tableName]: CardMonthTotalsTable };
