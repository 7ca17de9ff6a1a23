import { TRPCClientError } from '@trpc/client';
import { HttpError } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { formErrorsFrom, toHttpError } from './errors';

/** A tRPC client error as the link builds it from the API's error response. */
function trpcError(message: string, data: Record<string, unknown>) {
  return new TRPCClientError(message, {
    result: { error: { message, code: -32600, data } },
  });
}

describe('toHttpError', () => {
  it('keeps the real HTTP status so checkError can tell 401 from 403', () => {
    const unauthorized = toHttpError(trpcError('Please sign in', { code: 'UNAUTHORIZED', httpStatus: 401 }));
    const forbidden = toHttpError(trpcError('Not allowed', { code: 'FORBIDDEN', httpStatus: 403 }));

    expect(unauthorized).toBeInstanceOf(HttpError);
    expect(unauthorized.status).toBe(401);
    expect(forbidden.status).toBe(403);
    expect(forbidden.message).toBe('Not allowed');
  });

  it('hands field errors to react-admin forms as body.errors, several messages joined', () => {
    const error = toHttpError(
      trpcError('Some fields are not valid', {
        code: 'BAD_REQUEST',
        httpStatus: 400,
        fieldErrors: { email: ['Enter a valid email address'], password: ['Too short', 'Too common'] },
      }),
    );

    expect(error.status).toBe(400);
    expect(error.body).toEqual({
      errors: { email: 'Enter a valid email address', password: 'Too short Too common' },
    });
  });

  it('shows form-level messages as the error message, not as a field', () => {
    const error = toHttpError(
      trpcError('Some fields are not valid', {
        code: 'BAD_REQUEST',
        httpStatus: 400,
        fieldErrors: { _form: ['The last owner cannot leave'] },
      }),
    );

    expect(error.message).toBe('The last owner cannot leave');
    expect(error.body).toEqual({ errors: {} });
  });

  it('passes CONFLICT messages through', () => {
    const error = toHttpError(
      trpcError('This email is already a member', { code: 'CONFLICT', httpStatus: 409 }),
    );
    expect(error.status).toBe(409);
    expect(error.message).toBe('This email is already a member');
  });

  it('keeps the field a refusal names, with its real status', () => {
    const error = toHttpError(
      trpcError('A legal hold keeps this candidate’s data', {
        code: 'PRECONDITION_FAILED',
        httpStatus: 412,
        fieldErrors: { id: ['Under legal hold'] },
      }),
    );
    expect(error.status).toBe(412);
    expect(error.message).toBe('A legal hold keeps this candidate’s data');
    expect(error.body).toEqual({ errors: { id: 'Under legal hold' } });
  });

  it('reports an unreachable server as 503, never as a sign-out', () => {
    const error = toHttpError(TRPCClientError.from(new TypeError('Failed to fetch')));
    expect(error.status).toBe(503);
  });

  it('turns zod issues from parsing in the browser into field errors', () => {
    const error = toHttpError({ issues: [{ path: ['role'], message: 'Invalid option' }] });
    expect(error.status).toBe(400);
    expect(error.body).toEqual({ errors: { role: 'Invalid option' } });
  });
});

describe('formErrorsFrom', () => {
  const pick = (fields: Record<string, string>) => ({ title: fields.title, when: fields.startsAt });

  it('puts the server’s messages at the fields the form has, and none at the form’s top', () => {
    const error = trpcError('Some fields are not valid', {
      code: 'BAD_REQUEST',
      httpStatus: 400,
      fieldErrors: { title: ['Too long'], other: ['Not shown by this form'] },
    });
    expect(formErrorsFrom(error, pick)).toEqual({ title: 'Too long', when: undefined, form: undefined });
  });

  it('says the message at the form’s top when no field of the form has one', () => {
    const error = trpcError('The interviewer is busy then', {
      code: 'CONFLICT',
      httpStatus: 409,
      fieldErrors: { other: ['Not shown by this form'] },
    });
    expect(formErrorsFrom(error, pick)).toEqual({
      title: undefined,
      when: undefined,
      form: 'The interviewer is busy then',
    });
    expect(formErrorsFrom(new Error('Offline'), pick).form).toBe('Offline');
  });
});
