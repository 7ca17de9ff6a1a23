import { describe, expect, it } from 'vitest';
import { passes, suppress } from './suppression.js';

const K = 10;

/** Every count a reader can work out from a shown table: cells, totals, differences along rows, total minus shown cells. */
function derivable(shown: ReturnType<typeof suppress>): number[] {
  const out: number[] = [];
  for (const row of shown.cells) {
    for (const value of row) if (value !== null) out.push(value);
    for (let a = 0; a < row.length; a++)
      for (let b = a + 1; b < row.length; b++) {
        const [x, y] = [row[a], row[b]];
        if (x != null && y != null) out.push(x - y);
      }
  }
  shown.totals.forEach((total, s) => {
    if (total === null) return;
    out.push(total);
    out.push(total - shown.cells.reduce((sum, row) => sum + (row[s] ?? 0), 0));
  });
  return out;
}

describe('suppression of small groups', () => {
  it('hides counts of 1 to k-1, and the cells that would give them away', () => {
    // Options × stages (applied, interviewed, offered, hired).
    const table = [
      [40, 20, 12, 10],
      [30, 15, 3, 1],
      [25, 12, 0, 0],
    ];
    const shown = suppress(K, table, []);
    expect(shown.cells[1]?.[2]).toBeNull();
    expect(shown.cells[1]?.[3]).toBeNull();
    // Hidden cells of a column never sum to a small group: another cell of the offered column goes too.
    expect(shown.cells.filter((row) => row[2] === null).length).toBeGreaterThanOrEqual(2);
    for (const value of derivable(shown)) expect(passes(value, K), `derivable ${value}`).toBe(true);
  });

  it('hides a stage whose difference to an earlier one is a small group (applied but not interviewed)', () => {
    const shown = suppress(
      K,
      [
        [12, 10, 0, 0],
        [30, 20, 10, 10],
      ],
      [],
    );
    expect(shown.cells[0]).toEqual([12, null, 0, 0]);
    for (const value of derivable(shown)) expect(passes(value, K)).toBe(true);
  });

  it('hides a cell when a related table (a prefix of the period, the department without this job) has a small group there', () => {
    const whole = [[20, 10, 0, 0]];
    const withoutFirstMonth = [[17, 10, 0, 0]]; // the first month alone would be 3 applicants
    const shown = suppress(K, whole, [withoutFirstMonth, [[3, 0, 0, 0]]]);
    expect(shown.cells[0]?.[0]).toBeNull();
    expect(shown.cells[0]?.[1]).toBe(10);
  });
});
