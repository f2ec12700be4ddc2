// Free of zod on purpose: the h5 page's inline boot script (miniapp/src/boot) reads the remembered
// card before any bundle has loaded.

export const CARD_IDS = ['zhonggangtong', 'yuanyou'] as const;
export type CardId = (typeof CARD_IDS)[number];

export function isCardId(value: unknown): value is CardId {
  return typeof value === 'string' && (CARD_IDS as readonly string[]).includes(value);
}
