import { brandContrast, contrastRatio } from '@candor/schemas';
import { describe, expect, it } from 'vitest';
import { ratioLabel } from './contrast';

describe('brand colour contrast', () => {
  it('computes WCAG ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
  });

  it('picks the text colour that reads better, as the careers header does', () => {
    expect(brandContrast('#0f766e')).toMatchObject({ text: '#ffffff', poor: false });
    expect(brandContrast('#facc15')).toMatchObject({ text: '#111111', poor: false });
  });

  it('flags mid-tones where neither white nor near-black text reads well', () => {
    // #777777: 4.48:1 with white, 4.22:1 with #111.
    const mid = brandContrast('#777777');
    expect(mid.poor).toBe(true);
    expect(mid.withWhite).toBeLessThan(4.5);
    expect(brandContrast('#e11d48').poor).toBe(false);
  });

  it('never rounds a failing ratio up to a passing one', () => {
    expect(ratioLabel(4.49)).toBe('4.4:1');
    expect(ratioLabel(21)).toBe('21.0:1');
  });
});
