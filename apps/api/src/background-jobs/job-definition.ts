import type { TBackgroundJobList } from '@candor/schemas';

/** A job's data: JSON. `tenantId` marks a tenant's job: only that tenant's staff see it in the backoffice. */
export type JobData = { tenantId?: string } & Record<string, unknown>;

/** What a running job gets besides its data. */
export interface JobContext {
  /** Aborted when the process shuts down: long handlers stop between batches. */
  signal: AbortSignal;
  /** To fan work out into more jobs (e.g. one per tenant). */
  queue: JobSender;
}

export interface RetryPolicy {
  /** Attempts after the first failed one. */
  limit: number;
  /** Seconds before the first retry. */
  delaySeconds: number;
  /** Doubles the delay after each failed attempt (pg-boss adds jitter). */
  backoff: boolean;
}

/**
 * One kind of background job. The registry (registry.ts) lists them all; both runners
 * (pg-boss on PostgreSQL, in process on SQLite) run the same definitions.
 */
export interface JobDefinition {
  /** Queue name: lowercase words with dots and dashes. */
  name: string;
  /** Shown in the backoffice's "Background jobs" page. */
  label: string;
  /**
   * Seconds between runs. Each interval gets at most one job across all instances, and none while the
   * previous one is still queued, running or waiting for a retry. Absent: it runs only when sent.
   */
  everySeconds?: number;
  /** The job's data carries `tenantId`; each tenant's job fails and is retried alone. */
  perTenant: boolean;
  retry: RetryPolicy;
  /** A job running longer than this (its instance was killed, or it hangs) is failed and retried elsewhere. */
  expireInSeconds: number;
  /**
   * For a scheduled job whose rounds may overlap safely (each claims its own rows) and stop taking
   * work after a time: a round running longer than this no longer holds the next one back, so one
   * left by a killed instance delays the schedule by this long, not until it expires.
   */
  overlapAfterSeconds?: number;
  /** Calls the domain code that does the work; throwing fails the attempt. */
  run(data: JobData, context: JobContext): Promise<void>;
}

export interface SendOptions {
  /** Do not start before this many seconds from now. */
  startAfterSeconds?: number;
  /** At most one such job per this many seconds (across instances on PostgreSQL); later sends are skipped. */
  oncePerSeconds?: number;
  /**
   * Nothing is sent while a job of this name (and tenant) is queued or running (a running one of a
   * definition with overlapAfterSeconds for that long at most): for a job that works until nothing
   * is left (the search indexer), the running one takes up what this send was for, where a second
   * run beside it would do the same rows again.
   */
  unlessUnfinished?: boolean;
}

/** What other code uses to enqueue a one-off job (e.g. a webhook delivery). */
export interface JobSender {
  /** Queues a job of a registered definition; returns its id (null if a duplicate was skipped). */
  send(name: string, data?: JobData, options?: SendOptions): Promise<string | null>;
}

/** A runner as the rest of the app sees it: send, watch, retry, stop. */
export interface JobQueue extends JobSender {
  readonly kind: 'pg-boss' | 'in-process';
  /** The tenant's jobs and the global ones, never another tenant's. */
  list(tenantId: string): Promise<TBackgroundJobList>;
  /** Runs a failed job (of this tenant, or a global one) again; NOT_FOUND for any other. */
  retry(tenantId: string, id: string): Promise<void>;
  /** Stops taking jobs and waits up to `graceMs` for the running ones. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * A failure whose message is written for staff and holds no personal data: the backoffice shows it
 * for the tenant's own jobs. Any other error is shown only by its kind (its name), since messages of
 * database and transport errors can quote the values they choked on.
 */
export class JobFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobFailure';
  }
}

/** What is kept of an error: never its message, unless it is a JobFailure. */
export function safeErrorText(error: unknown): string {
  if (error instanceof JobFailure) return `${error.name}: ${error.message.slice(0, 500)}`;
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code)
      ? `${error.name} (${code})`
      : error.name;
  }
  return 'Error';
}

/** Milliseconds before retry number `retryCount + 1` (without pg-boss's jitter). */
export function retryDelayMs(policy: RetryPolicy, retryCount: number): number {
  const factor = policy.backoff ? 2 ** Math.min(16, retryCount) : 1;
  return policy.delaySeconds * factor * 1000;
}

export function definitionOf(definitions: readonly JobDefinition[], name: string): JobDefinition {
  const definition = definitions.find((d) => d.name === name);
  if (!definition) throw new Error(`no background job named ${name} is registered`);
  return definition;
}

/** The definition of a job about to be sent, checking its data: a per-tenant job names its tenant. */
export function definitionToSend(
  definitions: readonly JobDefinition[],
  name: string,
  data: JobData,
): JobDefinition {
  const definition = definitionOf(definitions, name);
  if (definition.perTenant && typeof data.tenantId !== 'string')
    throw new Error(`background job ${name} is per tenant: its data needs tenantId`);
  return definition;
}

/** "every 2 s", "every hour" ... for logs. */
export function describeEvery(seconds: number | undefined): string {
  if (!seconds) return 'when sent';
  if (seconds % 3600 === 0) return seconds === 3600 ? 'every hour' : `every ${seconds / 3600} h`;
  if (seconds % 60 === 0) return seconds === 60 ? 'every minute' : `every ${seconds / 60} min`;
  return `every ${seconds} s`;
}
