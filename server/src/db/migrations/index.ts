import type { Migration } from 'kysely';
import * as m001 from './001-app-meta';
import * as m002 from './002-accounts-and-cards';
import * as m003 from './003-topup';
import * as m004 from './004-history-and-trips';
import * as m005 from './005-auto-topup';
import * as m006 from './006-card-last-topup';
import * as m007 from './007-message-params';
import * as m008 from './008-sample-cards';
import * as m009 from './009-postgres-bigint-balance';
import * as m010 from './010-rate-counters';
import * as m011 from './011-orders-card-month-index';
import * as m012 from './012-orders-due-indexes';
import * as m013 from './013-ledger-card-balance-index';
import * as m014 from './014-postgres-card-changes';
import * as m015 from './015-postgres-ledger-changes';
import * as m016 from './016-card-month-totals';

/**
 * Every migration, listed explicitly: a bundler or a missing file can never silently skip one, and
 * the order is the order of the names. Append only; never edit a migration that has shipped.
 */
export const migrations: Record<string, Migration> = {
  '001-app-meta': m001,
  '002-accounts-and-cards': m002,
  '003-topup': m003,
  '004-history-and-trips': m004,
  '005-auto-topup': m005,
  '006-card-last-topup': m006,
  '007-message-params': m007,
  '008-sample-cards': m008,
  '009-postgres-bigint-balance': m009,
  '010-rate-counters': m010,
  '011-orders-card-month-index': m011,
  '012-orders-due-indexes': m012,
  '013-ledger-card-balance-index': m013,
  '014-postgres-card-changes': m014,
  '015-postgres-ledger-changes': m015,
  '016-card-month-totals': m016,
};
