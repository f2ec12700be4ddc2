/**
 * A payment provider could not be reached or answered something unexpected. Thrown by the merchant
 * side (payments/), caught by the orders feature, which answers 502 and lets the user retry: nothing
 * was charged twice, since every provider call is idempotent by out_trade_no.
 */
export class PaymentProviderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PaymentProviderError';
  }
}
