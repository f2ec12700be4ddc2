import { BadRequestError } from '../errors/app-error';

export class AutoTopupAmountError extends BadRequestError {
  constructor(presets: string) {
    super('AUTO_TOPUP_AMOUNT_NOT_PRESET', { presets }, 'amountMinor');
  }
}

/** The same answer as the orders feature's for a method the card type does not take. */
export class AutoTopupMethodError extends BadRequestError {
  constructor(card: string) {
    super('METHOD_NOT_ACCEPTED', { card }, 'method');
  }
}
