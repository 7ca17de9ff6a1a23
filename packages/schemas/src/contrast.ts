/**
 * WCAG contrast of a brand colour. The careers site puts white or
 * near-black text on it, whichever reads better; the backoffice warns when
 * neither reaches WCAG AA. One implementation for both.
 */

export const WHITE = '#ffffff';
export const NEAR_BLACK = '#111111';
/** WCAG AA for normal text. */
export const MIN_CONTRAST = 4.5;

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export type BrandContrast = {
  /** The text colour the careers header uses on the brand colour. */
  text: typeof WHITE | typeof NEAR_BLACK;
  withWhite: number;
  withNearBlack: number;
  /** Neither white nor near-black text reaches 4.5:1 on the colour. */
  poor: boolean;
};

export function brandContrast(brand: string): BrandContrast {
  const withWhite = contrastRatio(brand, WHITE);
  const withNearBlack = contrastRatio(brand, NEAR_BLACK);
  return {
    text: withWhite >= withNearBlack ? WHITE : NEAR_BLACK,
    withWhite,
    withNearBlack,
    poor: Math.max(withWhite, withNearBlack) < MIN_CONTRAST,
  };
}

/** White or near-black text on the brand colour, whichever reads better. */
export function readableOn(brand: string): string {
  return brandContrast(brand).text;
}
