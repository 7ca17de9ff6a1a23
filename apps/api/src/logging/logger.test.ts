import { describe, expect, it } from 'vitest';
import { createLogger, errorFields } from './logger.js';

describe('logger', () => {
  it('writes JSON lines and redacts keys that may carry secrets or personal data', () => {
    const lines: string[] = [];
    const log = createLogger('info', (l) => lines.push(l));
    log.debug('hidden');
    log.info('hello', { requestId: 'r1', email: 'a@b.c', password: 'p', sessionToken: 't', status: 200 });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'info',
      msg: 'hello',
      requestId: 'r1',
      email: '[redacted]',
      password: '[redacted]',
      sessionToken: '[redacted]',
      status: 200,
    });
  });

  it('logs an error by its class and stack, not its message', () => {
    const fields = errorFields(new TypeError('duplicate key ada@example.test'));
    expect(fields.errorName).toBe('TypeError');
    expect(JSON.stringify(fields)).not.toContain('ada@example.test');
  });
});
