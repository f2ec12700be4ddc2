export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Sent with the calls that create something (createOrder, bindCard): a retry returns what was created. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/**
 * Simulated SMS and the inbox are per device until the user logs in: the miniapp sends a random id it
 * keeps in storage, so a user registering can read the code that was "sent to their phone".
 */
export const DEVICE_ID_HEADER = 'x-device-id';
/**
 * How many months one `getMonthTotals` call may name: two years, more than any screen shows at once. Here,
 * not beside the schema: the mini program splits its calls by it without building the history contract.
 */
export const MONTH_TOTALS_MAX = 24;
/** The multipart field of an ID-photo upload. */
export const ID_PHOTO_FIELD = 'photo';

/** The contract module that defines an endpoint's schemas (`contracts/<domain>.ts`). */
export type ContractDomain = 'health' | 'guides' | 'auth' | 'messages' | 'cards' | 'topup' | 'history' | 'trips';

export interface Route {
  domain: ContractDomain;
  method: HttpMethod;
  /** Fastify-style path, `:name` for params. */
  path: `/api/v1${string}`;
  /**
   * `required`: `Authorization: Bearer <token>`, else 401. `optional`: a token widens what is returned
   * (the messages inbox falls back to the device's own simulated SMS).
   */
  auth?: 'required' | 'optional';
}

/**
 * Where every endpoint lives, without its schemas: the contracts spread these into their definitions,
 * and the h5 client reads them to send a call while the schemas that parse its reply are still loading
 * (building every zod schema of the API at start cost a page ~0.5 s of main thread on a slow phone).
 */
export const routes = {
  health: { domain: 'health', method: 'GET', path: '/api/v1/health' },
  listGuides: { domain: 'guides', method: 'GET', path: '/api/v1/guides' },
  getGuide: { domain: 'guides', method: 'GET', path: '/api/v1/guides/:slug' },
  listChannels: { domain: 'guides', method: 'GET', path: '/api/v1/channels' },
  requestSmsCode: { domain: 'auth', method: 'POST', path: '/api/v1/auth/sms-code' },
  register: { domain: 'auth', method: 'POST', path: '/api/v1/auth/register', auth: 'optional' },
  resetPassword: { domain: 'auth', method: 'POST', path: '/api/v1/auth/password-reset' },
  login: { domain: 'auth', method: 'POST', path: '/api/v1/auth/login' },
  wechatLogin: { domain: 'auth', method: 'POST', path: '/api/v1/auth/wechat' },
  logout: { domain: 'auth', method: 'POST', path: '/api/v1/auth/logout', auth: 'required' },
  me: { domain: 'auth', method: 'GET', path: '/api/v1/me', auth: 'required' },
  listMessages: { domain: 'messages', method: 'GET', path: '/api/v1/messages', auth: 'optional' },
  markMessagesRead: { domain: 'messages', method: 'POST', path: '/api/v1/messages/read', auth: 'optional' },
  listCards: { domain: 'cards', method: 'GET', path: '/api/v1/cards', auth: 'required' },
  bindCard: { domain: 'cards', method: 'POST', path: '/api/v1/cards', auth: 'required' },
  getCard: { domain: 'cards', method: 'GET', path: '/api/v1/cards/:id', auth: 'required' },
  updateCard: { domain: 'cards', method: 'PATCH', path: '/api/v1/cards/:id', auth: 'required' },
  unbindCard: { domain: 'cards', method: 'DELETE', path: '/api/v1/cards/:id', auth: 'required' },
  uploadIdPhoto: { domain: 'cards', method: 'POST', path: '/api/v1/cards/:id/id-photo', auth: 'required' },
  getTopupOptions: { domain: 'topup', method: 'GET', path: '/api/v1/cards/:id/topup-options', auth: 'required' },
  createOrder: { domain: 'topup', method: 'POST', path: '/api/v1/orders', auth: 'required' },
  listOrders: { domain: 'topup', method: 'GET', path: '/api/v1/orders', auth: 'required' },
  getOrder: { domain: 'topup', method: 'GET', path: '/api/v1/orders/:id', auth: 'required' },
  payOrder: { domain: 'topup', method: 'POST', path: '/api/v1/orders/:id/pay', auth: 'required' },
  cancelOrder: { domain: 'topup', method: 'POST', path: '/api/v1/orders/:id/cancel', auth: 'required' },
  sendCashierCode: { domain: 'topup', method: 'POST', path: '/api/v1/orders/:id/cashier/sms-code', auth: 'required' },
  confirmCashier: { domain: 'topup', method: 'POST', path: '/api/v1/orders/:id/cashier/confirm', auth: 'required' },
  listCardTransactions: { domain: 'history', method: 'GET', path: '/api/v1/cards/:id/transactions', auth: 'required' },
  listTransactions: { domain: 'history', method: 'GET', path: '/api/v1/transactions', auth: 'required' },
  getTransaction: { domain: 'history', method: 'GET', path: '/api/v1/transactions/:id', auth: 'required' },
  resendReceipt: { domain: 'history', method: 'POST', path: '/api/v1/transactions/:id/resend', auth: 'required' },
  getStatement: { domain: 'history', method: 'GET', path: '/api/v1/cards/:id/statements/:month', auth: 'required' },
  getMonthTotals: { domain: 'history', method: 'GET', path: '/api/v1/cards/:id/months', auth: 'required' },
  getAllMonthTotals: { domain: 'history', method: 'GET', path: '/api/v1/transactions/months', auth: 'required' },
  createTrip: { domain: 'trips', method: 'POST', path: '/api/v1/cards/:id/trips', auth: 'required' },
  getReminder: { domain: 'trips', method: 'GET', path: '/api/v1/cards/:id/reminder', auth: 'required' },
  setReminder: { domain: 'trips', method: 'PUT', path: '/api/v1/cards/:id/reminder', auth: 'required' },
  getAutoTopup: { domain: 'trips', method: 'GET', path: '/api/v1/cards/:id/auto-topup', auth: 'required' },
  setAutoTopup: { domain: 'trips', method: 'PUT', path: '/api/v1/cards/:id/auto-topup', auth: 'required' },
} as const satisfies Record<string, Route>;
