import { ZJobCreateInput } from '@candor/schemas';
import { describe, expect, it } from 'vitest';
import { toJobInput } from './jobInput';

const base = {
  title: 'Robot whisperer',
  department: 'Engineering',
  workplace: 'remote' as const,
  employmentType: 'full_time' as const,
};

describe('toJobInput', () => {
  it('sends no salary while the switch is off', () => {
    const input = toJobInput({
      ...base,
      salaryStated: false,
      salary: { min: 1, max: 2, currency: 'EUR', period: 'year' },
    });
    expect(input.salary).toBeNull();
    expect(ZJobCreateInput.safeParse(input).success).toBe(true);
  });

  it('sends the salary when the switch is on', () => {
    const salary = { min: 50_000, max: 60_000, currency: 'EUR', period: 'year' as const };
    expect(toJobInput({ ...base, salaryStated: true, salary }).salary).toEqual(salary);
  });

  it('cleans questions: options only for choices, knockout only when it is an answer', () => {
    const input = toJobInput({
      ...base,
      questions: [
        { label: 'Shift?', kind: 'single_choice', options: [' Early ', '', 'Late'], knockoutAnswer: 'Late' },
        { label: 'Notice?', kind: 'short_text', options: ['left over'], knockoutAnswer: 'no' },
        { label: 'Permit?', kind: 'yes_no', knockoutAnswer: 'no' },
      ],
    });
    expect(input.questions).toEqual([
      {
        label: 'Shift?',
        kind: 'single_choice',
        required: false,
        options: ['Early', 'Late'],
        knockoutAnswer: 'Late',
      },
      { label: 'Notice?', kind: 'short_text', required: false, options: [], knockoutAnswer: null },
      { label: 'Permit?', kind: 'yes_no', required: false, options: [], knockoutAnswer: 'no' },
    ]);
    expect(ZJobCreateInput.safeParse(input).success).toBe(true);
  });

  it('sends team members as ids and roles only', () => {
    const input = toJobInput({
      ...base,
      hiringTeam: [{ userId: 'u1', role: 'recruiter', name: 'Rita' } as never],
    });
    expect(input.hiringTeam).toEqual([{ userId: 'u1', role: 'recruiter' }]);
  });
});
