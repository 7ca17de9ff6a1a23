/**
 * The one error type services throw. The tRPC error formatter maps the code
 * to the HTTP status; the message is shown to the user, so it must be
 * helpful and must not echo personal data.
 */
export type AppErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'PRECONDITION_FAILED'
  /** 422: well-formed input whose content cannot be processed (e.g. a document too large to read). */
  | 'UNPROCESSABLE_CONTENT';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
