import { ZJobCreateInput, ZUserInviteInput } from '@candor/schemas';
import { describe, expect, it } from 'vitest';
import { nestErrors, validateWith } from './validation';

describe('validateWith', () => {
  it('returns no errors for valid values', () => {
    const validate = validateWith(ZUserInviteInput);
    expect(validate({ email: 'a@b.example', name: 'Ann', role: 'admin' })).toEqual({});
  });

  it('nests errors of nested fields the way react-hook-form looks them up', () => {
    const validate = validateWith(ZJobCreateInput);
    const errors = validate({
      title: 'Robot whisperer',
      department: 'Engineering',
      workplace: 'remote',
      employmentType: 'full_time',
      salary: { min: 90_000, max: 80_000, currency: 'EUR', period: 'year' },
      questions: [{ label: '', kind: 'short_text' }],
    });
    expect(errors).toEqual({
      salary: { max: 'The minimum is above the maximum' },
      questions: { 0: { label: expect.any(String) } },
    });
  });
});

describe('nestErrors', () => {
  it('keeps a flat field flat and nests dotted ones', () => {
    expect(nestErrors({ email: 'Bad', 'salary.max': 'Too low', 'hiringTeam.1.userId': 'Twice' })).toEqual({
      email: 'Bad',
      salary: { max: 'Too low' },
      hiringTeam: { 1: { userId: 'Twice' } },
    });
  });
});
