import type { TRetentionCounts } from '@candor/schemas';

export const zeroCounts = (): TRetentionCounts => ({ found: 0, done: 0, skippedHold: 0, failed: 0 });

export function sumCounts(list: TRetentionCounts[]): TRetentionCounts {
  return list.reduce(
    (sum, c) => ({
      found: sum.found + c.found,
      done: sum.done + c.done,
      skippedHold: sum.skippedHold + c.skippedHold,
      failed: sum.failed + c.failed,
    }),
    zeroCounts(),
  );
}
