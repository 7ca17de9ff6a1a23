/**
 * NUL (U+0000) is never meaningful in anything a person types, and
 * PostgreSQL refuses it in text columns (SQLite truncates or stores it
 * unpredictably). Input carrying one is refused as a field error at the
 * boundary, before any service or query sees it.
 */
export const NUL_MESSAGE = 'Must not contain a NUL character';

const MAX_REPORTED = 20;

/**
 * Field errors for every string (object key, or file name) holding a NUL,
 * keyed by its dotted path like Zod's ("answers.0.text"), or null when there
 * is none. Walks without recursion, so deeply nested input cannot overflow the stack.
 */
export function nulFieldErrors(input: unknown): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  let found = 0;
  const pending: Array<[unknown, string]> = [[input, '']];
  const report = (path: string) => {
    errors[path || '_form'] = [NUL_MESSAGE];
    found++;
  };
  while (pending.length > 0 && found < MAX_REPORTED) {
    const [value, path] = pending.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) report(path);
    } else if (value instanceof File) {
      if (value.name.includes('\u0000')) report(path);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        if (key.includes('\u0000')) report(childPath);
        else pending.push([child, childPath]);
      }
    }
  }
  return found > 0 ? errors : null;
}
