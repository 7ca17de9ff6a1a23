import { describe, expect, it } from 'vitest';
import { ZJobCreateInput, ZJobUpdateInput } from './job.js';

describe('job inputs', () => {
  it('an update changes only what it names', () => {
    expect(ZJobUpdateInput.parse({ id: '0b9d0f7e-6f0e-4f57-9a51-3a4c1f0f8a11', title: 'New title' })).toEqual(
      {
        id: '0b9d0f7e-6f0e-4f57-9a51-3a4c1f0f8a11',
        title: 'New title',
      },
    );
  });

  it('a new job gets empty defaults and needs a country unless remote', () => {
    const base = { title: 'T', department: 'Sales', employmentType: 'full_time' } as const;
    expect(ZJobCreateInput.parse({ ...base, workplace: 'remote' })).toMatchObject({
      hiringTeam: [],
      salary: null,
      descriptionMd: '',
    });
    expect(ZJobCreateInput.safeParse({ ...base, workplace: 'onsite' }).success).toBe(false);
  });
});
