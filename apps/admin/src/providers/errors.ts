import { isTRPCClientError } from '@trpc/client';
import { HttpError } from 'react-admin';

/** Field path -> messages, as the API's error formatter sends them (zod's flattened issues). */
export type FieldErrors = Record<string, string[]>;

/** The body react-admin's forms read: `body.errors` maps a field path to one message. */
export type ValidationBody = { errors: Record<string, string> };

/** The API reports errors that belong to no field under this key. */
const FORM_LEVEL_KEY = '_form';

type Issue = { path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isFieldErrors(value: unknown): value is FieldErrors {
  return (
    isRecord(value) &&
    Object.values(value).every(
      (messages) => Array.isArray(messages) && messages.every((m) => typeof m === 'string'),
    )
  );
}

/** A zod error thrown while parsing input in the browser, before any request. */
function hasIssues(value: unknown): value is { issues: Issue[] } {
  return isRecord(value) && Array.isArray(value.issues);
}

export function fieldErrorsOfIssues(issues: Issue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key =
      (issue.path ?? []).map((p) => (isRecord(p) ? String(p.key) : String(p))).join('.') || FORM_LEVEL_KEY;
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}

/**
 * Form-level messages go into the error message (react-admin notifies it);
 * field messages go to their inputs, several joined into one line.
 */
function validationError(message: string, fieldErrors: FieldErrors, status = 400): HttpError {
  const errors: Record<string, string> = {};
  const formMessages: string[] = [];
  for (const [field, messages] of Object.entries(fieldErrors)) {
    if (field === FORM_LEVEL_KEY) formMessages.push(...messages);
    else errors[field] = messages.join(' ');
  }
  const body: ValidationBody = { errors };
  return new HttpError(formMessages.length > 0 ? formMessages.join(' ') : message, status, body);
}

/**
 * Turns whatever a tRPC call threw into react-admin's `HttpError`, keeping
 * the real HTTP status: the authProvider's checkError decides on it whether
 * to sign the user out (401) or only say "not allowed" (403).
 */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (isTRPCClientError(error)) {
    const data: unknown = error.data;
    const status = isRecord(data) && typeof data.httpStatus === 'number' ? data.httpStatus : undefined;
    if (status === undefined) {
      // No error shape from the server: the request never got a tRPC answer (offline, proxy down).
      return new HttpError('Cannot reach the server; check your connection and try again', 503, null);
    }
    const fieldErrors = isRecord(data) ? data.fieldErrors : undefined;
    // Not only 400: a refusal such as a CONFLICT or PRECONDITION_FAILED may name the field it is about.
    if (isFieldErrors(fieldErrors)) return validationError(error.message, fieldErrors, status);
    return new HttpError(error.message, status, null);
  }
  if (hasIssues(error))
    return validationError('Some fields are not valid', fieldErrorsOfIssues(error.issues));
  const message = error instanceof Error ? error.message : 'Something went wrong';
  return new HttpError(message, 500, null);
}

/** The status of an error already converted, or of a raw tRPC error. */
export function httpStatusOf(error: unknown): number | undefined {
  const converted = toHttpError(error);
  return typeof converted.status === 'number' ? converted.status : undefined;
}

/**
 * A form's errors from what a submit threw: the server's field messages that
 * `byField` picks for the form's fields, and the error's message for the
 * form as a whole only when none of them has one (else it would say the same twice).
 */
export function formErrorsFrom<E extends Record<string, string | undefined>>(
  error: unknown,
  byField: (fields: Record<string, string>) => E,
): E & { form?: string } {
  const httpError = toHttpError(error);
  const fields: Record<string, string> = httpError.body?.errors ?? {};
  const picked = byField(fields);
  const hasField = Object.values(picked).some(Boolean);
  return { ...picked, form: hasField ? undefined : httpError.message };
}
