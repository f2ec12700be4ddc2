import type { CardId } from './cards';
import type { IdDocumentType } from '../validation/identity';
import type { PlateRegion } from '../validation/plates';
import { generateCardNumber } from '../validation/card-number';
import { generateHkid, generateMainlandId } from '../validation/identity';

/**
 * 填入示例: made-up but valid data for practising the bind form without handing over a real document
 * (the guides say never to share an ID photo). Each call draws new numbers, so two practice cards in
 * two accounts never collide on the "one account per card number" rule.
 */
export interface SampleCardData {
  number: string;
  plate: { region: PlateRegion; number: string };
  idDocument: { type: IdDocumentType; number: string };
}

const digits = (count: number, random: () => number) =>
  Array.from({ length: count }, () => String(Math.floor(random() * 10))).join('');

/** Letters used on both sides of the border (no I, O or Q, which plates avoid). */
const PLATE_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const letter = (random: () => number) => PLATE_LETTERS[Math.floor(random() * PLATE_LETTERS.length)] ?? 'A';

/** A birth date between 1960 and 1999, always a real calendar date (day ≤ 28). */
function birthDate(random: () => number): string {
  const year = 1960 + Math.floor(random() * 40);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

export function sampleCardData(type: CardId, random: () => number = Math.random): SampleCardData {
  const number = generateCardNumber(type, digits(11, random));
  if (type === 'zhonggangtong') {
    // A Guangdong cross-border plate (粤Z…港) and a mainland ID card: a Shenzhen commuter.
    return {
      number,
      plate: { region: 'mainland', number: `粤Z${digits(4, random)}港` },
      idDocument: { type: 'mainland_id', number: generateMainlandId('440304', birthDate(random), digits(3, random)) },
    };
  }
  // A Hong Kong plate and an HKID: a Hong Kong driver heading north.
  return {
    number,
    plate: {
      region: 'hk',
      number: `${letter(random)}${letter(random)}${1 + Math.floor(random() * 9)}${digits(3, random)}`,
    },
    idDocument: { type: 'hkid', number: generateHkid(letter(random), digits(6, random)) },
  };
}
