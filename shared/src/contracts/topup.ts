import { z } from 'zod';
import { cardIdSchema } from '../cards/cards';
import { moneySchema } from '../money/money';
import { orderEndReasonSchema, orderStateSchema } from '../orders/state-machine';
import { paymentMethodSchema } from '../topup/rules';
import { smsCodeSchema } from '../validation/index';
import { errorEnvelopeSchema } from './errors';
import { defineEndpoints } from './endpoint';
import { routes } from './routes';

/**
 * Top-up: options of a card, orders, the payment step and the simulated cashier. The client sends
 * only card, amount and method (and the promotion it was shown, so an expired one is not silently
 * dropped); every price, bonus and total is computed by the server.
 */

export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/** Unpaid orders close by themselves after this long unless the server is configured otherwise. */
export const DEFAULT_ORDER_TTL_MINUTES = 15;

export const promotionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    tiers: z.array(z.object({ minAmount: moneySchema, bonus: moneySchema })),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Promotion' });
export type PromotionView = z.infer<typeof promotionSchema>;

export const receiptSchema = z
  .object({
    receiptNo: z.string(),
    issuedAt: z.iso.datetime(),
    amount: moneySchema,
    bonus: moneySchema,
    total: moneySchema,
    method: paymentMethodSchema,
    cardNumberMasked: z.string(),
    /** 商户订单号 */
    outTradeNo: z.string(),
    /** 交易单号: the payment provider's transaction id. */
    transactionId: z.string(),
  })
  .meta({ id: 'Receipt' });
export type Receipt = z.infer<typeof receiptSchema>;

export const orderSchema = z
  .object({
    id: z.uuid(),
    cardId: z.uuid(),
    cardType: cardIdSchema,
    cardNumberMasked: z.string(),
    state: orderStateSchema,
    /** Why a closed or failed order ended. */
    endReason: orderEndReasonSchema.nullable(),
    amount: moneySchema,
    bonus: moneySchema,
    /** What the card receives: amount + bonus. */
    total: moneySchema,
    method: paymentMethodSchema,
    promotionId: z.string().nullable(),
    /** 商户订单号, as sent to the payment provider. */
    outTradeNo: z.string(),
    /** 交易单号, once the provider reports the payment. */
    transactionId: z.string().nullable(),
    createdAt: z.iso.datetime(),
    /** An unpaid order closes by itself at this time. */
    expiresAt: z.iso.datetime(),
    paidAt: z.iso.datetime().nullable(),
    creditedAt: z.iso.datetime().nullable(),
    endedAt: z.iso.datetime().nullable(),
    receipt: receiptSchema.nullable(),
  })
  .meta({ id: 'Order' });
export type Order = z.infer<typeof orderSchema>;

export const topupOptionsSchema = z
  .object({
    cardId: z.uuid(),
    cardType: cardIdSchema,
    cardNumberMasked: z.string(),
    /** A practice card bound with 填入示例's data (labelled 示例). */
    cardSample: z.boolean(),
    balance: moneySchema,
    /** Preset amounts with the bonus each would earn now. */
    presets: z.array(z.object({ amount: moneySchema, bonus: moneySchema })),
    min: moneySchema,
    max: moneySchema,
    monthlyCap: moneySchema,
    monthlyUsed: moneySchema,
    monthlyRemaining: moneySchema,
    promotion: promotionSchema.nullable(),
    methods: z.array(paymentMethodSchema),
    /** Unpaid orders close after this many minutes. */
    orderTtlMinutes: z.number().int().positive(),
    /**
     * The card's orders that can still be paid: how many, and the newest. They count against the month's
     * cap already, and paying one beats making a second of the same amount.
     */
    unpaid: z.object({ count: z.number().int().nonnegative(), latest: orderSchema.nullable() }),
  })
  .meta({ id: 'TopupOptions' });
export type TopupOptions = z.infer<typeof topupOptionsSchema>;

export const orderListSchema = z.object({ orders: z.array(orderSchema) }).meta({ id: 'OrderList' });
export type OrderList = z.infer<typeof orderListSchema>;

export const createOrderRequestSchema = z.strictObject({
  cardId: z.uuid(),
  amountMinor: z.number().int().positive().max(1_000_000_000),
  method: paymentMethodSchema,
  /** The promotion the user was shown; refused if it no longer runs. */
  promotionId: z.string().max(64).optional(),
});
export type CreateOrderRequest = z.infer<typeof createOrderRequestSchema>;

/** `wx.requestPayment` parameters, exactly as WeChat Pay v3 defines them for mini-programs. */
export const wechatPayParamsSchema = z.object({
  timeStamp: z.string(),
  nonceStr: z.string(),
  package: z.string(),
  signType: z.literal('RSA'),
  paySign: z.string(),
});
export type WechatPayParams = z.infer<typeof wechatPayParamsSchema>;

/** What the simulated cashier shows: the sheet's header, like a payment app's. */
export const cashierSheetSchema = z.object({
  merchantName: z.string(),
  description: z.string(),
  amount: moneySchema,
  /** The simulated bank card paying (bank-card methods), e.g. `6222 **** **** 8888`. */
  payerCardMasked: z.string().nullable(),
  /** Where the cashier's one-time code goes (bank-card methods), masked. */
  otpRecipient: z.string().nullable(),
});

export const paymentReplySchema = z
  .discriminatedUnion('method', [
    z.object({ method: z.literal('wechatpay'), params: wechatPayParamsSchema }),
    z.object({ method: z.literal('alipay'), params: z.object({ tradeNO: z.string() }) }),
    z.object({ method: z.literal('unionpay'), params: z.object({ paymentToken: z.string() }) }),
    z.object({ method: z.literal('credit_card'), params: z.object({ paymentToken: z.string() }) }),
  ])
  .and(z.object({ order: orderSchema, cashier: cashierSheetSchema }))
  .meta({ id: 'PaymentReply' });
export type PaymentReply = z.infer<typeof paymentReplySchema>;

/** What the practice switch on the cashier makes happen. */
export const CASHIER_OUTCOMES = ['success', 'insufficient_funds', 'cancel', 'timeout'] as const;
export const cashierOutcomeSchema = z.enum(CASHIER_OUTCOMES);
export type CashierOutcome = z.infer<typeof cashierOutcomeSchema>;

export const paymentPasswordSchema = z.string().regex(/^\d{6}$/);

export const cashierConfirmRequestSchema = z.strictObject({
  outcome: cashierOutcomeSchema,
  /** WeChat Pay and Alipay: the 6-digit payment password (any six digits in the simulation). */
  password: paymentPasswordSchema.optional(),
  /** Bank cards: the one-time code sent to the inbox. */
  smsCode: smsCodeSchema.optional(),
});
export type CashierConfirmRequest = z.infer<typeof cashierConfirmRequestSchema>;

/** The cashier's answer, shaped like `requestPayment`'s: `ok`, `cancel`, `fail` or no answer (`timeout`). */
export const cashierConfirmReplySchema = z
  .object({
    result: z.enum(['ok', 'cancel', 'fail', 'timeout']),
    /** `requestPayment:ok`, `requestPayment:fail cancel`, `requestPayment:fail 余额不足`… */
    errMsg: z.string(),
    order: orderSchema,
  })
  .meta({ id: 'CashierResult' });
export type CashierConfirmReply = z.infer<typeof cashierConfirmReplySchema>;

export const cashierCodeReplySchema = z
  .object({ sentTo: z.string(), expiresAt: z.iso.datetime(), resendAfterSeconds: z.number().int().nonnegative() })
  .meta({ id: 'CashierCode' });

const cardParams = z.object({ id: z.uuid() });
const orderParams = z.object({ id: z.uuid() });
const unauthorized = { 401: errorEnvelopeSchema };
const notFound = { 400: errorEnvelopeSchema, 404: errorEnvelopeSchema, ...unauthorized };

export const topupEndpoints = defineEndpoints({
  getTopupOptions: {
    ...routes.getTopupOptions,
    summary: 'What a card can be topped up with now: presets, limits, monthly cap left, promotion, methods',
    tags: ['topup'],
    params: cardParams,
    responses: { 200: topupOptionsSchema, ...notFound },
  },
  createOrder: {
    ...routes.createOrder,
    summary: 'Create a top-up order (send Idempotency-Key: the same key and body return the same order)',
    tags: ['topup'],
    body: createOrderRequestSchema,
    responses: {
      201: orderSchema,
      400: errorEnvelopeSchema,
      404: errorEnvelopeSchema,
      409: errorEnvelopeSchema,
      ...unauthorized,
    },
  },
  listOrders: {
    ...routes.listOrders,
    summary: 'My top-up orders, newest first (the latest 50); `state=unpaid`: only those that can still be paid',
    tags: ['topup'],
    query: z.object({ cardId: z.uuid().optional(), state: z.enum(['unpaid']).optional() }),
    responses: { 200: orderListSchema, 400: errorEnvelopeSchema, ...unauthorized },
  },
  getOrder: {
    ...routes.getOrder,
    summary: 'One of my orders, with its receipt once credited',
    tags: ['topup'],
    params: orderParams,
    responses: { 200: orderSchema, ...notFound },
  },
  payOrder: {
    ...routes.payOrder,
    summary: "Start paying an unpaid order: the method's payment parameters (WeChat Pay: requestPayment's)",
    tags: ['topup'],
    params: orderParams,
    responses: { 200: paymentReplySchema, 409: errorEnvelopeSchema, 502: errorEnvelopeSchema, ...notFound },
  },
  cancelOrder: {
    ...routes.cancelOrder,
    summary: 'Cancel an unpaid order (it is closed at the payment provider too)',
    tags: ['topup'],
    params: orderParams,
    responses: { 200: orderSchema, 409: errorEnvelopeSchema, 502: errorEnvelopeSchema, ...notFound },
  },
  sendCashierCode: {
    ...routes.sendCashierCode,
    summary: 'Simulated cashier, bank cards: send the one-time payment code to the inbox',
    tags: ['cashier'],
    params: orderParams,
    responses: { 200: cashierCodeReplySchema, 409: errorEnvelopeSchema, 429: errorEnvelopeSchema, ...notFound },
  },
  confirmCashier: {
    ...routes.confirmCashier,
    summary: 'Simulated cashier: pay (or practise insufficient funds, cancel, a time-out after paying)',
    tags: ['cashier'],
    params: orderParams,
    body: cashierConfirmRequestSchema,
    responses: { 200: cashierConfirmReplySchema, 409: errorEnvelopeSchema, 429: errorEnvelopeSchema, ...notFound },
  },
});
