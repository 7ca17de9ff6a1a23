import { fieldErrorsOfIssues } from './providers/errors';

type Issue = Parameters<typeof fieldErrorsOfIssues>[0][number];

/** What we need of a zod schema; keeps the backoffice from depending on zod itself. */
type SafeParser = {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: Issue[] } };
};

/**
 * A react-admin form `validate` function from an API input schema, so the
 * browser checks exactly what the server will check, with the same messages.
 */
export function validateWith(schema: SafeParser) {
  return (values: unknown): Record<string, string> => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    return Object.fromEntries(
      Object.entries(fieldErrorsOfIssues(result.error.issues)).map(([field, messages]) => [
        field,
        messages.join(' '),
      ]),
    );
  };
}
