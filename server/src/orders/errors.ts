import { AppError, BadRequestError, ConflictError, NotFoundError } from '../errors/app-error';

/** Also for another user's order: a 403 would confirm that the id exists. */
export class OrderNotFoundError extends NotFoundError {
  constructor() {
    super('ORDER_NOT_FOUND', {}, 'id');
  }
}

export class CardNotVerifiedError extends ConflictError {
  constructor() {
    super('CARD_NOT_VERIFIED', {}, 'cardId');
  }
}

export class AmountError extends BadRequestError {
  constructor(
    code: 'AMOUNT_NOT_WHOLE_UNIT' | 'AMOUNT_TOO_LOW' | 'AMOUNT_TOO_HIGH',
    params: Record<string, string> = {},
  ) {
    super(code, params, 'amountMinor');
  }
}

export class MonthlyCapExceededError extends ConflictError {
  constructor(remaining: string) {
    super('MONTHLY_CAP_EXCEEDED', { remaining }, 'amountMinor');
  }
}

export class MethodNotAcceptedError extends BadRequestError {
  constructor(card: string) {
    super('METHOD_NOT_ACCEPTED', { card }, 'method');
  }
}

export class PromotionExpiredError extends ConflictError {
  constructor() {
    super('PROMOTION_EXPIRED', {}, 'promotionId');
  }
}

export class IdempotencyKeyReusedError extends ConflictError {
  constructor() {
    super('IDEMPOTENCY_KEY_REUSED', {}, 'idempotency-key');
  }
}

export class IdempotencyKeyInvalidError extends BadRequestError {
  constructor() {
    super('IDEMPOTENCY_KEY_INVALID', {}, 'idempotency-key');
  }
}

export class OrderNotPayableError extends ConflictError {
  constructor(state: string) {
    super('ORDER_NOT_PAYABLE', { state });
  }
}

export class OrderNotCancellableError extends ConflictError {
  constructor(state: string) {
    super('ORDER_NOT_CANCELLABLE', { state });
  }
}

/** The payment provider could not be reached: nothing was charged, the user may retry. */
export class PaymentUnavailableError extends AppError {
  constructor() {
    super('PAYMENT_PROVIDER_ERROR', 502);
  }
}
