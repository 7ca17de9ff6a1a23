/**
 * Which cells of a diversity report may be shown (docs/diversity.md, "Next:
 * reports"). A table is counts by answer option (rows) and pipeline stage
 * (columns: applied, interviewed, offered, hired; nested, each a subset of
 * the one before). A count "passes" when it is 0 or at least k: a group of
 * 1 to k-1 people is too easy to single out. A cell is shown only if
 *
 * - it passes, and so does the same cell of every related table: the
 *   prefixes and suffixes of the month range, and the parent scope minus
 *   this one, so that differencing two reports isolates no small group;
 * - within its row, its difference to every shown earlier stage passes in
 *   each of those tables ("applied but not interviewed" is a group staff
 *   can name);
 * - complementary suppression: in each column the hidden cells sum to 0 or
 *   at least k, hiding further cells smallest first, and the total when it
 *   does not pass.
 *
 * A sum of counts that each pass also passes, which is why checking these
 * pieces is enough for every difference of two reports the rules allow.
 */

export type CountTable = readonly (readonly number[])[];

export interface SuppressedTable {
  /** By option, then stage; null where hidden. */
  cells: Array<Array<number | null>>;
  /** By stage; null where hidden. */
  totals: Array<number | null>;
}

export const passes = (count: number, k: number): boolean => count === 0 || count >= k;

export function suppress(k: number, table: CountTable, related: readonly CountTable[]): SuppressedTable {
  const tables = [table, ...related];
  const options = table.length;
  const stages = table[0]?.length ?? 0;
  const at = (t: CountTable, o: number, s: number) => t[o]?.[s] ?? 0;
  const cells: Array<Array<number | null>> = table.map((row) => row.map(() => null));

  for (let o = 0; o < options; o++) {
    for (let s = 0; s < stages; s++) {
      const own = tables.every((t) => passes(at(t, o, s), k));
      const againstEarlier = Array.from({ length: s }, (_, earlier) => earlier)
        .filter((earlier) => cells[o]?.[earlier] !== null)
        .every((earlier) => tables.every((t) => passes(at(t, o, earlier) - at(t, o, s), k)));
      if (own && againstEarlier) (cells[o] as Array<number | null>)[s] = at(table, o, s);
    }
  }

  const totals: Array<number | null> = [];
  for (let s = 0; s < stages; s++) {
    const total = table.reduce((sum, row) => sum + (row[s] ?? 0), 0);
    let hiddenSum = table.reduce((sum, row, o) => sum + (cells[o]?.[s] === null ? (row[s] ?? 0) : 0), 0);
    while (hiddenSum > 0 && hiddenSum < k) {
      // The smallest shown non-zero cell of the column goes too.
      let smallest = -1;
      for (let o = 0; o < options; o++) {
        const value = cells[o]?.[s];
        if (
          value !== null &&
          value !== undefined &&
          value > 0 &&
          (smallest < 0 || value < (cells[smallest]?.[s] ?? 0))
        )
          smallest = o;
      }
      if (smallest < 0) break;
      hiddenSum += at(table, smallest, s);
      (cells[smallest] as Array<number | null>)[s] = null;
    }
    // A total is shown when it passes and the hidden cells it would give away sum to a passing count.
    totals.push(passes(total, k) && passes(hiddenSum, k) ? total : null);
  }
  return { cells, totals };
}
