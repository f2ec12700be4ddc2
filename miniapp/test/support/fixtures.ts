import {
  cardListSchema,
  guideListSchema,
  guideSchema,
  messageSchema,
  orderSchema,
  sessionSchema,
  topupOptionsSchema,
  type CardList,
  type Guide,
  type GuideList,
  type Message,
  type Order,
  type Session,
  type TopupOptions,
} from '@cbc/shared';

// Replies as the server sends them, each checked against the shared contract here, so a fixture that
// drifts from the contract fails loudly instead of testing the client against a reply no server sends.

export const NOW = Date.parse('2026-12-10T04:00:00.000Z');

export function session(userId = 'user-1', token = `token-of-${userId}`): Session {
  return sessionSchema.parse({
    token,
    expiresAt: '2027-01-10T04:00:00.000Z',
    user: {
      id: userId,
      phone: '+8613800138000',
      phoneRegion: 'CN',
      email: null,
      wechatLinked: false,
      createdAt: '2026-11-01T00:00:00.000Z',
    },
  });
}

export function guideList(title = '网上续费'): GuideList {
  return guideListSchema.parse({
    card: 'yuanyou',
    guides: [{ slug: 'online-renewal', card: 'yuanyou', kind: 'online', title, summary: '在手机上完成', stepCount: 3 }],
  });
}

export function guide(slug = 'online-renewal'): Guide {
  return guideSchema.parse({
    slug,
    card: 'yuanyou',
    kind: 'online',
    title: '网上续费',
    summary: '在手机上完成',
    stepCount: 1,
    prerequisites: ['卡片', '手机'],
    steps: [{ title: '打开应用', detail: '登录后选择卡片' }],
    tips: [],
    simulationNotice: '模拟',
    updatedAt: '2026-11-20',
  });
}

/** A message as a newer server may send it: any `kind` and `channel` strings. */
export function rawMessage(kind: string, channel = 'sms'): Record<string, unknown> {
  return {
    id: `m-${kind}`,
    kind,
    channel,
    to: '+86 138****8000',
    title: '验证码',
    body: '您的验证码是 123456',
    sent: null,
    createdAt: '2026-12-10T03:59:00.000Z',
    readAt: null,
  };
}

export function message(): Message {
  return messageSchema.parse(rawMessage('sms_code'));
}

export const ORDER_ID = '7d3f1c2e-5b6a-4c8d-9e0f-1a2b3c4d5e6f';
export const CARD_ID = '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9';

export function order(state: Order['state'] = 'paid'): Order {
  const cny = (amountMinor: number) => ({ amountMinor, currency: 'CNY' as const });
  return orderSchema.parse({
    id: ORDER_ID,
    cardId: CARD_ID,
    cardType: 'zhonggangtong',
    cardNumberMasked: '6288 **** **** 1234',
    state,
    endReason: null,
    amount: cny(20_000),
    bonus: cny(0),
    total: cny(20_000),
    method: 'wechatpay',
    promotionId: null,
    outTradeNo: 'CBC202612100001',
    transactionId: null,
    createdAt: '2026-12-10T03:58:00.000Z',
    expiresAt: '2026-12-10T04:13:00.000Z',
    paidAt: state === 'created' ? null : '2026-12-10T03:59:00.000Z',
    creditedAt: null,
    endedAt: null,
    receipt: null,
  });
}

/** Top-up options of a 中港通 card (its rules: ¥50 to ¥5,000 in whole yuan, CNY). */
export function topupOptions(overrides: Partial<TopupOptions> = {}): TopupOptions {
  const cny = (amountMinor: number) => ({ amountMinor, currency: 'CNY' as const });
  return topupOptionsSchema.parse({
    cardId: CARD_ID,
    cardType: 'zhonggangtong',
    cardNumberMasked: '6288 **** **** 1234',
    cardSample: false,
    balance: cny(12_345),
    presets: [
      { amount: cny(10_000), bonus: cny(0) },
      { amount: cny(100_000), bonus: cny(3_000) },
    ],
    min: cny(5_000),
    max: cny(500_000),
    monthlyCap: cny(1_000_000),
    monthlyUsed: cny(0),
    monthlyRemaining: cny(1_000_000),
    promotion: null,
    methods: ['wechatpay', 'alipay'],
    orderTtlMinutes: 15,
    unpaid: { count: 0, latest: null },
    ...overrides,
  });
}

export function cardList(numberMasked = '6288 **** **** 1234'): CardList {
  return cardListSchema.parse({
    cards: [
      {
        id: CARD_ID,
        type: 'zhonggangtong',
        numberMasked,
        plates: [{ region: 'mainland', number: '粤B12345' }],
        holder: { idType: 'mainland_id', idNumberMasked: '4403**********1234' },
        verification: 'verified',
        isDefault: true,
        sample: false,
        balance: { amountMinor: 12_345, currency: 'CNY' },
        lastTopup: null,
        createdAt: '2026-11-01T00:00:00.000Z',
      },
    ],
  });
}
