import { ID_PHOTO_FIELD, ID_PHOTO_MAX_BYTES, MAX_CARDS_PER_ACCOUNT } from '@cbc/shared';
import { AppError, BadRequestError, ConflictError, NotFoundError } from '../errors/app-error';

/** Also for another user's card: a 403 would confirm that the id exists. */
export class CardNotFoundError extends NotFoundError {
  constructor() {
    super('CARD_NOT_FOUND', {}, 'id');
  }
}

export class CardAlreadyBoundError extends ConflictError {
  constructor() {
    super('CARD_ALREADY_BOUND', {}, 'number');
  }
}

export class CardBoundElsewhereError extends ConflictError {
  constructor() {
    super('CARD_BOUND_ELSEWHERE', {}, 'number');
  }
}

export class CardLimitReachedError extends ConflictError {
  constructor() {
    super('CARD_LIMIT_REACHED', { max: MAX_CARDS_PER_ACCOUNT });
  }
}

export class PhotoMissingError extends BadRequestError {
  constructor() {
    super('PHOTO_MISSING', {}, ID_PHOTO_FIELD);
  }
}

/** A second file part: one photo per upload, never "the first one wins". */
export class PhotoTooManyError extends BadRequestError {
  constructor() {
    super('PHOTO_TOO_MANY', {}, ID_PHOTO_FIELD);
  }
}

export class PhotoTooLargeError extends AppError {
  constructor() {
    super('PHOTO_TOO_LARGE', 413, { maxMb: ID_PHOTO_MAX_BYTES / (1024 * 1024) }, ID_PHOTO_FIELD);
  }
}

export class PhotoNotImageError extends AppError {
  constructor() {
    super('PHOTO_NOT_IMAGE', 415, {}, ID_PHOTO_FIELD);
  }
}
