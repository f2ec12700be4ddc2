/** Mixes a #rrggbb colour towards black (amount < 0) or white (amount > 0), for card-face gradients. */
export function shade(hex: string, amount: number): string {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match?.[1]) return hex;
  const value = parseInt(match[1], 16);
  const target = amount < 0 ? 0 : 255;
  const weight = Math.min(Math.abs(amount), 1);
  const channel = (shift: number) => {
    const c = (value >> shift) & 0xff;
    return Math.round(c + (target - c) * weight)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(16)}${channel(8)}${channel(0)}`;
}
