import { NotFoundError } from '../errors/app-error';

/** The message does not repeat the slug: an address fragment means nothing to a reader. */
export class GuideNotFoundError extends NotFoundError {
  constructor() {
    super('GUIDE_NOT_FOUND');
  }
}
