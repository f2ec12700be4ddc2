import { CARD_IDS, isCardId, type CardId } from '@cbc/shared';
import { STORAGE_KEYS } from '../constants/storage-keys';
import { readStorage, writeStorage } from './storage';

export const DEFAULT_CARD: CardId = CARD_IDS[0];

/** A card id from a page query or storage, if it names one of our cards. */
export function parseCardId(value: unknown): CardId | undefined {
  return isCardId(value) ? value : undefined;
}

export function readCardChoice(): CardId {
  return parseCardId(readStorage(STORAGE_KEYS.guidesCard)) ?? DEFAULT_CARD;
}

export function writeCardChoice(card: CardId): void {
  writeStorage(STORAGE_KEYS.guidesCard, card);
}
