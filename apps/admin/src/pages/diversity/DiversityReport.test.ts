import { describe, expect, it } from 'vitest';
import { reportCsv } from './DiversityReport';

describe('the report as CSV', () => {
  it('is the suppressed table: hidden counts stay hidden', () => {
    const csv = reportCsv({
      question: 'gender',
      questionLabel: 'Gender',
      scopeLabel: 'All jobs',
      from: '2026-01',
      to: '2026-03',
      k: 10,
      stages: ['applied', 'interviewed', 'offered', 'hired'],
      rows: [
        { option: 'woman', label: 'Woman', counts: [36, 18, null, 0], rates: [0.5, null, null] },
        {
          option: 'another',
          label: '=Another, "quoted"',
          counts: [null, null, null, 0],
          rates: [null, null, null],
        },
      ],
      totals: [80, 30, null, 0],
      hiddenCells: 5,
    });
    expect(csv).toBe(
      'answer,Applied,Interviewed,Offered,Hired\nWoman,36,18,hidden,0\n"\'=Another, ""quoted""",hidden,hidden,hidden,0\nTotal,80,30,hidden,0\n',
    );
  });
});
