import { useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import type { CardId } from '@cbc/shared';
import { parseCardId, readCardChoice, writeCardChoice } from '../../utils/card-choice';

/** `?card=` wins (deep links), then the remembered choice, then the first card. */
export function useCardChoice(): [CardId, (card: CardId) => void] {
  const router = useRouter();
  const fromQuery = parseCardId(router.params.card);
  const [card, setCard] = useState<CardId>(() => {
    if (fromQuery) writeCardChoice(fromQuery);
    return fromQuery ?? readCardChoice();
  });
  const choose = (next: CardId) => {
    writeCardChoice(next);
    setCard(next);
  };
  // The home page may have picked a card (switchTab carries no query): follow storage on every show.
  useDidShow(() => {
    const stored = readCardChoice();
    if (stored !== card) setCard(stored);
  });
  return [card, choose];
}
