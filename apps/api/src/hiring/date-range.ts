const DAY_MS = 86_400_000;

/**
 * A `{ $gte, $lt }` condition for whole days from..to (inclusive, UTC), as the
 * list filters take them ("2026-11-01"); undefined when neither end is given.
 */
export function dayRange(from?: string, to?: string): { $gte?: Date; $lt?: Date } | undefined {
  if (!from && !to) return undefined;
  return {
    ...(from ? { $gte: new Date(`${from}T00:00:00.000Z`) } : {}),
    ...(to ? { $lt: new Date(new Date(`${to}T00:00:00.000Z`).getTime() + DAY_MS) } : {}),
  };
}
