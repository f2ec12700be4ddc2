import { ConflictError, BadRequestError, NotFoundError } from '../errors/app-error';

export class SegmentNotFoundError extends BadRequestError {
  constructor() {
    super('SEGMENT_NOT_FOUND', {}, 'segmentId');
  }
}

/** Declined as a real toll lane would: the shortfall tells the user how much to top up at least. */
export class InsufficientBalanceError extends ConflictError {
  constructor(needed: string) {
    super('INSUFFICIENT_BALANCE', { needed });
  }
}

/**
 * The card was unbound between the ownership check and the debit. Same answer as for an unknown or
 * foreign card (CARD_NOT_FOUND): the cards feature's own class is not importable across features.
 */
export class TripCardGoneError extends NotFoundError {
  constructor() {
    super('CARD_NOT_FOUND', {}, 'id');
  }
}
