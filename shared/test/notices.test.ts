import { describe, expect, it } from 'vitest';
import { MESSAGE_KINDS, noticeSchema, type MessageKind, type Notice } from '../src/contracts/messages';
import { LANGUAGES } from '../src/i18n/languages';
import { renderNotice } from '../src/i18n/notification-messages';
import { money } from '../src/money/money';

const card = { cardType: 'yuanyou', number: '6289 **** **** 1234' } as const;
const at = '2026-06-10T06:30:00.000Z';
const receipt = {
  ...card,
  at,
  amount: money(50_000, 'HKD'),
  bonus: money(1_000, 'HKD'),
  total: money(51_000, 'HKD'),
  balance: money(61_000, 'HKD'),
  method: 'unionpay',
  receiptNo: 'R202606101234567890',
  outTradeNo: 'T1',
  transactionId: 'X1',
} as const;

/** One notice of every kind: a new kind without an entry here fails to compile. */
const SAMPLES = {
  sms_code: { kind: 'sms_code', code: '123456', minutes: 5 },
  reset_code: { kind: 'reset_code', code: '654321', minutes: 5 },
  reset_no_account: { kind: 'reset_no_account' },
  password_reset: { kind: 'password_reset', at },
  welcome: { kind: 'welcome' },
  card_bound: { kind: 'card_bound', ...card },
  card_unbound: { kind: 'card_unbound', ...card },
  topup_sms: { kind: 'topup_sms', ...receipt },
  topup_email: { kind: 'topup_email', ...receipt },
  payment_code: { kind: 'payment_code', amount: money(50_000, 'HKD'), code: '111222', minutes: 5 },
  trip_receipt: {
    kind: 'trip_receipt',
    ...card,
    at,
    segmentId: 'hzmb-zh',
    fee: money(15_000, 'HKD'),
    balance: money(46_000, 'HKD'),
    receiptNo: 'R202606101234567891',
  },
  low_balance: { kind: 'low_balance', ...card, balance: money(4_000, 'HKD'), threshold: money(5_000, 'HKD') },
  auto_topup: {
    kind: 'auto_topup',
    ...card,
    balance: money(4_000, 'HKD'),
    threshold: money(5_000, 'HKD'),
    amount: money(20_000, 'HKD'),
    method: 'unionpay',
  },
} as const satisfies { [K in MessageKind]: Extract<Notice, { kind: K }> };

describe('renderNotice', () => {
  it('has a sample of every kind, each a valid notice', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...MESSAGE_KINDS].sort());
    for (const sample of Object.values(SAMPLES)) expect(noticeSchema.parse(sample)).toEqual(sample);
  });

  it.each(LANGUAGES)('renders every kind in %s with every placeholder filled', (lang) => {
    for (const notice of Object.values(SAMPLES)) {
      const { title, body } = renderNotice(lang, notice);
      expect(title.trim(), notice.kind).not.toBe('');
      expect(`${title}\n${body}`, notice.kind).not.toMatch(/\{\w+\}/);
      if (lang === 'en') expect(`${title}\n${body}`, notice.kind).not.toMatch(/\p{Script=Han}/u);
    }
  });

  it('names cards, segments, methods, money and times for the reader', () => {
    expect(renderNotice('en', SAMPLES.trip_receipt).body).toBe(
      '[Top-up Helper · simulated] Yuanyou Card (6289 **** **** 1234) passed HZMB Hong Kong Port → Zhuhai (sample) at 2026-06-10 14:30 (UTC+8): HK$150.00 charged, balance HK$460.00. Receipt R202606101234567891. A sample segment with a simulated fee.',
    );
    expect(renderNotice('zh-Hant', SAMPLES.topup_sms).body).toContain(
      '您的遠遊卡（6289 **** **** 1234）於 2026-06-10 14:30 (UTC+8) 增值 HK$500.00 已到賬（含贈送 HK$10.00）',
    );
    expect(renderNotice('zh-Hans', { ...SAMPLES.topup_sms, bonus: money(0, 'HKD') }).body).toContain(
      '充值 HK$500.00 已到账，当前余额 HK$610.00',
    );
    expect(renderNotice('en', SAMPLES.payment_code).body).toContain(
      'paying HK$500.00 to Top-up Helper (simulated merchant)',
    );
  });

  it('reads a trip of an unknown or missing segment as a plain toll', () => {
    expect(renderNotice('en', { ...SAMPLES.trip_receipt, segmentId: 'gone' }).body).toContain('passed Toll charged at');
    expect(renderNotice('zh-Hans', { ...SAMPLES.trip_receipt, segmentId: null }).body).toContain('通行 通行扣费，');
  });

  it('words an auto top-up and the reason of its refusal in the reader’s language', () => {
    expect(renderNotice('en', SAMPLES.auto_topup).body).toContain(
      'As you set it, HK$200.00 was topped up automatically (UnionPay card, standing agreement)',
    );
    const refused = {
      ...SAMPLES.auto_topup,
      refusal: { code: 'MONTHLY_CAP_EXCEEDED', params: { remaining: 'HK$0.00' } },
    } as const;
    expect(renderNotice('en', refused).body).toMatch(/The auto top-up of HK\$200\.00 could not be made: .*HK\$0\.00/);
    expect(renderNotice('zh-Hant', refused).body).toContain('自動增值 HK$200.00 未能完成：');
    // An error naming the card names it in the reader's language, not the one it was raised in.
    const method = {
      ...SAMPLES.auto_topup,
      refusal: { code: 'METHOD_NOT_ACCEPTED', params: { card: '远游卡' } },
    } as const;
    expect(renderNotice('zh-Hant', method).body).toContain('遠遊卡不支援這種付款方式');
    expect(renderNotice('en', method).body).not.toMatch(/\p{Script=Han}/u);
  });
});
