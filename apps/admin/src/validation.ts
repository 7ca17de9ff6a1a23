import { fieldErrorsOfIssues } from './providers/errors';

type Issue = Parameters<typeof fieldErrorsOfIssues>[0][number];

/** What we need of a zod schema; keeps the backoffice from depending on zod itself. */
type SafeParser = {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: Issue[] } };
};

export type NestedErrors = { [field: string]: string | NestedErrors };

/**
 * Dotted paths ("salary.max", "questions.0.label") as the nested object
 * react-hook-form looks errors up in; it cannot find a flat "salary.max" key.
 * An error on a path that also has errors below it keeps the deeper ones.
 */
export function nestErrors(flat: Record<string, string>): NestedErrors {
  const out: NestedErrors = {};
  for (const [path, message] of Object.entries(flat)) {
    const keys = path.split('.');
    const last = keys.pop() as string;
    let node = out;
    for (const key of keys) {
      const next = node[key];
      if (typeof next === 'object') node = next;
      else {
        const created: NestedErrors = {};
        node[key] = created;
        node = created;
      }
    }
    if (node[last] === undefined) node[last] = message;
  }
  return out;
}

/**
 * A react-admin form `validate` function from an API input schema, so the
 * browser checks exactly what the server will check, with the same messages.
 * `prepare` turns the form's values into the API input first (when they differ).
 */
export function validateWith(schema: SafeParser, prepare: (values: never) => unknown = (values) => values) {
  return (values: unknown): NestedErrors => {
    const result = schema.safeParse(prepare(values as never));
    if (result.success) return {};
    return nestErrors(
      Object.fromEntries(
        Object.entries(fieldErrorsOfIssues(result.error.issues)).map(([field, messages]) => [
          field,
          messages.join(' '),
        ]),
      ),
    );
  };
}
