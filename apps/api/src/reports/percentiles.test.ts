import { describe, expect, it } from 'vitest';
import { numbersOf, percentile, selectedPercentile } from './reports.service.js';

describe('percentiles without sorting (SQLite time in stage)', () => {
  it('finds the same interpolated percentiles as sorting does, duplicates and all', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (const size of [1, 2, 3, 4, 5, 10, 11, 100, 1001, 20_000]) {
      for (const spread of [3, 1000, 5_000_000]) {
        const values = Array.from({ length: size }, () => Math.floor(random() * spread));
        const sorted = [...values].sort((x, y) => x - y);
        for (const p of [0.5, 0.75]) {
          const selected = selectedPercentile(Float64Array.from(values), p);
          expect(selected).toBeCloseTo(percentile(sorted, p) ?? Number.NaN, 9);
        }
      }
    }
  });

  it('reads SQLite group_concat text, whole seconds fast and anything else as numbers', () => {
    expect(Array.from(numbersOf('12,5,40'))).toEqual([12, 5, 40]);
    expect(Array.from(numbersOf('7'))).toEqual([7]);
    expect(Array.from(numbersOf('-3,2.5,10'))).toEqual([-3, 2.5, 10]);
  });
});
