import { describe, expect, it } from 'vitest';
import { defaultNoticeMd } from './notice.js';
import {
  DEFAULT_RETENTION_POLICY,
  periodFor,
  retentionCutoff,
  talentPoolTerm,
  ZRetentionPolicy,
} from './retention.js';

describe('retention policies', () => {
  it('counts periods back in calendar months (keeping the time) or in days', () => {
    const now = new Date('2027-03-31T10:20:30.000Z');
    expect(retentionCutoff(now, { amount: 1, unit: 'months' }).toISOString()).toBe(
      '2027-02-28T10:20:30.000Z',
    );
    expect(retentionCutoff(now, { amount: 6, unit: 'months' }).toISOString()).toBe(
      '2026-09-30T10:20:30.000Z',
    );
    expect(retentionCutoff(now, { amount: 24, unit: 'months' }).toISOString()).toBe(
      '2025-03-31T10:20:30.000Z',
    );
    expect(retentionCutoff(now, { amount: 90, unit: 'days' }).toISOString()).toBe('2026-12-31T10:20:30.000Z');
  });

  it('takes a country’s override of a rule’s period, else the rule’s own', () => {
    const policy = ZRetentionPolicy.parse({
      ...DEFAULT_RETENTION_POLICY,
      overrides: [{ country: 'fr', ruleId: 'rejected_applications', period: { amount: 2, unit: 'months' } }],
    });
    const rule = policy.rules[0]!;
    expect(policy.overrides[0]?.country).toBe('FR');
    expect(periodFor(policy, rule, 'FR')).toEqual({ amount: 2, unit: 'months' });
    expect(periodFor(policy, rule, 'de')).toEqual(rule.period);
    expect(periodFor(policy, rule, null)).toEqual(rule.period);
  });

  it('refuses duplicate rule ids, actions a trigger does not allow and overrides of unknown rules', () => {
    const [first, second] = DEFAULT_RETENTION_POLICY.rules;
    const result = ZRetentionPolicy.safeParse({
      rules: [first, { ...second, id: first!.id }, { ...first, id: 'other', action: 'erase' }],
      overrides: [{ country: 'DE', ruleId: 'missing', period: { amount: 1, unit: 'days' } }],
    });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['rules.1.id', 'Used twice'],
      ['rules.2.action', 'Allowed for this trigger: anonymize'],
      ['overrides.0.ruleId', 'No rule with this id'],
    ]);
    expect(ZRetentionPolicy.safeParse(DEFAULT_RETENTION_POLICY).success).toBe(true);
  });

  it("takes the talent pool's term from the policy's talent-pool rule, with the country's period, and none when it is off", () => {
    const policy = {
      rules: DEFAULT_RETENTION_POLICY.rules,
      overrides: [{ country: 'CH', ruleId: 'talent_pool', period: { amount: 36, unit: 'months' as const } }],
    };
    expect(talentPoolTerm(policy, null)).toEqual({ period: { amount: 24, unit: 'months' }, noticeDays: 30 });
    expect(talentPoolTerm(policy, 'ch')).toEqual({ period: { amount: 36, unit: 'months' }, noticeDays: 30 });
    const off = {
      ...policy,
      rules: policy.rules.map((r) => (r.id === 'talent_pool' ? { ...r, enabled: false } : r)),
    };
    expect(talentPoolTerm(off, 'CH')).toBeNull();
  });

  it('writes the first notice with the periods of the policy it is given', () => {
    expect(defaultNoticeMd('Acme')).toContain(
      'Applications that do not lead to a hire are anonymized 6 months after the decision. If you join the talent pool we keep your profile for 24 months, and ask you before that ends.',
    );
    const policy = {
      rules: DEFAULT_RETENTION_POLICY.rules.map((r) =>
        r.id === 'talent_pool'
          ? { ...r, period: { amount: 12, unit: 'months' as const }, renewalNoticeDays: 0 }
          : r,
      ),
      overrides: [],
    };
    const notice = defaultNoticeMd('Acme', policy);
    expect(notice).toContain('If you join the talent pool we keep your profile for 12 months.');
    expect(notice).not.toContain('24 months');
  });
});
