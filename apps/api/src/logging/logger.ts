/**
 * Structured JSON logs. Callers pass only operational fields (ids, codes,
 * durations); as a second line of defence, keys that could carry secrets or
 * personal data are replaced before anything is written.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
const REDACTED_KEYS = /pass|token|secret|cookie|authorization|email|phone|name|address|code/i;
const SAFE_KEYS = new Set(['requestId', 'path', 'procedure', 'code', 'errorName', 'template', 'tenantId']);

export function redact(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = REDACTED_KEYS.test(key) && !SAFE_KEYS.has(key) ? '[redacted]' : value;
  }
  return out;
}

export function createLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger {
  const log =
    (at: Exclude<LogLevel, 'silent'>) =>
    (message: string, fields: LogFields = {}) => {
      if (ORDER[at] < ORDER[level]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level: at, msg: message, ...redact(fields) }));
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** The stack without its first line, which repeats the message (messages may quote input). */
export function stackWithoutMessage(error: unknown): string | undefined {
  if (!(error instanceof Error) || !error.stack) return undefined;
  return error.stack.split('\n').slice(1, 8).join('\n');
}

/** What to log about an unexpected error: its class and where it happened, never its message. */
export function errorFields(error: unknown): LogFields {
  return { errorName: error instanceof Error ? error.name : typeof error, stack: stackWithoutMessage(error) };
}
