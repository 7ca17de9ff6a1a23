import { describe, expect, it } from 'vitest';
import { jobScopeKey, parseJobScope } from './jobScope';

describe('a job scope as a select value', () => {
  it('is all jobs, a job or a department, and reads back the same', () => {
    for (const scope of [{}, { jobId: 'j_123' }, { department: 'R&D: Lab 2' }]) {
      expect(parseJobScope(jobScopeKey(scope))).toEqual(scope);
    }
    expect(jobScopeKey({})).toBe('all');
    expect(jobScopeKey({ jobId: 'j_123' })).toBe('job:j_123');
    expect(jobScopeKey({ department: 'Sales' })).toBe('dept:Sales');
  });

  it('reads anything else as all jobs', () => {
    expect(parseJobScope('all')).toEqual({});
    expect(parseJobScope('')).toEqual({});
  });
});
