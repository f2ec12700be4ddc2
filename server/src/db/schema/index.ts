import type * as appMeta from './app-meta';
import type * as cardAutoTopups from './card-auto-topups';
import type * as cardMonthTotals from './card-month-totals';
import type * as cardReminders from './card-reminders';
import type * as cards from './cards';
import type * as ledgerEntries from './ledger-entries';
import type * as messages from './messages';
import type * as orders from './orders';
import type * as rateCounters from './rate-counters';
import type * as sessions from './sessions';
import type * as simNotifications from './sim-notifications';
import type * as simPayments from './sim-payments';
import type * as smsCodes from './sms-codes';
import type * as trips from './trips';
import type * as users from './users';
import type * as wechatCodeUses from './wechat-code-uses';

/** The whole database as Kysely sees it: one partial type per table, combined (atproto style). */
export type Database = appMeta.PartialDatabase &
  users.PartialDatabase &
  sessions.PartialDatabase &
  smsCodes.PartialDatabase &
  wechatCodeUses.PartialDatabase &
  messages.PartialDatabase &
  cards.PartialDatabase &
  orders.PartialDatabase &
  ledgerEntries.PartialDatabase &
  simPayments.PartialDatabase &
  simNotifications.PartialDatabase &
  trips.PartialDatabase &
  cardReminders.PartialDatabase &
  cardAutoTopups.PartialDatabase &
  cardMonthTotals.PartialDatabase &
  rateCounters.PartialDatabase;

export type { AppMeta, AppMetaTable, NewAppMeta, AppMetaUpdate } from './app-meta';
export type { UserRow, NewUserRow, SessionUser, UserRowUpdate, UsersTable } from './users';
export type { SessionRow, NewSessionRow, SessionsTable } from './sessions';
export type { SmsCodeRow, NewSmsCodeRow, SmsCodesTable } from './sms-codes';
export type { WechatCodeUseRow, NewWechatCodeUseRow, WechatCodeUsesTable } from './wechat-code-uses';
export type { MessageRow, NewMessageRow, MessagesTable } from './messages';
export type { CardRow, NewCardRow, CardRowUpdate, CardsTable } from './cards';
export type { OrderRow, NewOrderRow, OrderRowUpdate, OrdersTable } from './orders';
export type { LedgerEntryRow, NewLedgerEntryRow, LedgerEntriesTable, LedgerEntryKind } from './ledger-entries';
export type {
  SimPaymentRow,
  NewSimPaymentRow,
  SimPaymentUpdate,
  SimPaymentsTable,
  SimProvider,
  SimTradeState,
} from './sim-payments';
export type {
  SimNotificationRow,
  NewSimNotificationRow,
  SimNotificationsTable,
  SimNotificationState,
} from './sim-notifications';
export type { TripRow, NewTripRow, TripsTable } from './trips';
export type { CardReminderRow, NewCardReminderRow, CardRemindersTable } from './card-reminders';
export type { RateCounterRow, RateCountersTable } from './rate-counters';
export type { CardAutoTopupRow, NewCardAutoTopupRow, CardAutoTopupsTable } from './card-auto-topups';
export type { CardMonthTotalRow, CardMonthTotalsTable } from './card-month-totals';
