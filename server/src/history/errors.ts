import { BadRequestError, ConflictError, NotFoundError } from '../errors/app-error';

/** Also for another user's transaction: a 403 would confirm that the id exists. */
export class TransactionNotFoundError extends NotFoundError {
  constructor() {
    super('TRANSACTION_NOT_FOUND', {}, 'id');
  }
}

export class DateRangeInvalidError extends BadRequestError {
  constructor() {
    super('DATE_RANGE_INVALID', {}, 'from');
  }
}

/** The account has no phone (or no e-mail) to send the receipt to; `channel` is the localized word. */
export class RecipientMissingError extends ConflictError {
  constructor(channel: string) {
    super('RECIPIENT_MISSING', { channel }, 'channel');
  }
}
