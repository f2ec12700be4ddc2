import { NotFoundError } from '../errors/app-error';

export class GuideNotFoundError extends NotFoundError {
  constructor(slug: string) {
    super('GUIDE_NOT_FOUND', { slug });
  }
}
