/**
 * Reads kept for a short while, by key: under a burst (applications to one
 * job) a value is read once per `reuseMs` per instance, not once per
 * request. A failed read is not kept; at most `max` keys are, the oldest
 * going first. `reuseMs` 0 reads every time.
 */
export function recentReads<T>(
  reuseMs: number,
  max = 1000,
): (key: string, read: () => Promise<T>) => Promise<T> {
  const kept = new Map<string, { readAt: number; value: Promise<T> }>();
  return (key, read) => {
    if (reuseMs <= 0) return read();
    const now = Date.now();
    const hit = kept.get(key);
    if (hit && now - hit.readAt < reuseMs) return hit.value;
    const value = read();
    kept.delete(key);
    kept.set(key, { readAt: now, value });
    value.catch(() => kept.delete(key));
    while (kept.size > max) kept.delete(kept.keys().next().value as string);
    return value;
  };
}
