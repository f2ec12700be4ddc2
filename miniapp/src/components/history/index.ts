export { HistoryFilterBar } from './filters';
export { formatHomeDateTime, formatMonth, monthOf, shiftMonth, signedMoney, todayInHomeZone } from './format';
export { MonthChart } from './month-chart';
export { HistoryEmpty } from './states';
export { TransactionList } from './transaction-list';
export { NO_FILTERS, useTransactionPages, type HistoryFilters, type MoreState } from './use-transaction-pages';
import './index.scss';
