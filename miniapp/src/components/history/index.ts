export { HistoryFilterBar } from './filters';
export { formatHomeDateTime, formatMonth, monthOf, shiftMonth, signedMoney, todayInHomeZone } from './format';
export { MonthChart, MonthChartPlaceholder } from './month-chart';
export { chartScopeOf, type ChartScope } from './months';
export { HistoryEmpty } from './states';
export { monthsOf, TransactionList } from './transaction-list';
export { useMonthTotals, type MonthFigures } from './use-month-totals';
export { NO_FILTERS, useTransactionPages, type HistoryFilters, type MoreState } from './use-transaction-pages';
import './index.scss';
