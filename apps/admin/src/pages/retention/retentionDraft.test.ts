import { DEFAULT_RETENTION_POLICY, ZRetentionPolicy, ZRetentionPreviewInput } from '@candor/schemas';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import {
  errorsOf,
  isDirty,
  newOverride,
  toRetentionDraft,
  toRetentionPolicy,
  versionLine,
  withPeriod,
} from './retentionDraft';

describe('the retention rules form', () => {
  it('round-trips the default policy unchanged', () => {
    expect(toRetentionPolicy(toRetentionDraft(DEFAULT_RETENTION_POLICY))).toEqual(DEFAULT_RETENTION_POLICY);
    expect(isDirty(toRetentionDraft(DEFAULT_RETENTION_POLICY), DEFAULT_RETENTION_POLICY)).toBe(false);
  });

  it('sends numbers as typed, an empty one as NaN, and a renewal notice only for the talent pool', () => {
    const draft = toRetentionDraft(DEFAULT_RETENTION_POLICY);
    const [first, second] = draft.rules;
    if (!first || !second) throw new Error('the defaults have rules');
    first.period.amount = '';
    first.renewalNoticeDays = '14';
    second.period = { amount: '30', unit: 'days' };
    draft.overrides.push({ ...newOverride(draft), country: ' de ', period: { amount: '3', unit: 'months' } });
    const policy = toRetentionPolicy(draft);
    expect(policy.rules[0]?.period.amount).toBeNaN();
    expect(policy.rules[0]?.renewalNoticeDays).toBe(0);
    expect(policy.rules[1]?.period).toEqual({ amount: 30, unit: 'days' });
    expect(policy.rules.find((r) => r.trigger === 'talent_pool_consent')?.renewalNoticeDays).toBe(30);
    expect(policy.overrides).toEqual([
      { country: 'DE', ruleId: 'rejected_applications', period: { amount: 3, unit: 'months' } },
    ]);
    expect(isDirty(draft, DEFAULT_RETENTION_POLICY)).toBe(true);
  });

  it('puts a period of 0 at its field, parsed in the browser', () => {
    const draft = toRetentionDraft(DEFAULT_RETENTION_POLICY);
    const rule = draft.rules[2];
    if (!rule) throw new Error('the defaults have a third rule');
    rule.period.amount = '0';
    const parsed = ZRetentionPolicy.safeParse(toRetentionPolicy(draft));
    expect(parsed.success).toBe(false);
    const errors = errorsOf(parsed.error);
    expect(errors['rules.2.period.amount']).toBe('At least 1');
    expect(errors.form).toBe('Some rules are not valid; see the messages at the fields.');
  });

  it('strips the preview’s "policy." prefix and names errors no field shows in the form line', () => {
    const input = { date: '2027-01-01', policy: { ...DEFAULT_RETENTION_POLICY, rules: [] } };
    const parsed = ZRetentionPreviewInput.safeParse(input);
    expect(parsed.success).toBe(false);
    const errors = errorsOf(parsed.error, 'policy.');
    expect(errors.rules).toBe('Keep at least one rule');
    expect(errors.form).toBe(
      'Some rules are not valid; see the messages at the fields. Keep at least one rule',
    );
  });

  it('shows the server’s field errors at their fields, and its message when none', () => {
    const withFields = new TRPCClientError('Invalid input', {
      result: {
        error: {
          code: -32600,
          message: 'Invalid input',
          data: { httpStatus: 400, fieldErrors: { 'overrides.0.ruleId': ['No rule with this id'] } },
        },
      },
    });
    expect(errorsOf(withFields)).toEqual({
      'overrides.0.ruleId': 'No rule with this id',
      form: 'Some rules are not valid; see the messages at the fields.',
    });
    const forbidden = new TRPCClientError('Not allowed', {
      result: { error: { code: -32603, message: 'Not allowed', data: { httpStatus: 403 } } },
    });
    expect(errorsOf(forbidden)).toEqual({ form: 'Not allowed' });
  });

  it('says which version is in force and who saved it', () => {
    const format = (iso: string) => iso.slice(0, 10);
    expect(
      versionLine({ version: 0, policy: DEFAULT_RETENTION_POLICY, createdBy: null, createdAt: null }, format),
    ).toBe('Defaults, never saved');
    expect(
      versionLine(
        {
          version: 3,
          policy: DEFAULT_RETENTION_POLICY,
          createdBy: 'Ada Admin',
          createdAt: '2026-11-29T10:00:00.000Z',
        },
        format,
      ),
    ).toBe('Version 3, saved by Ada Admin on 2026-11-29');
  });

  it('keeps a label that names the period in step with it, and leaves other labels alone', () => {
    const [rejected, , talentPool, , requests] = toRetentionDraft(DEFAULT_RETENTION_POLICY).rules;
    expect(withPeriod(rejected!, { amount: '3', unit: 'months' }).label).toBe(
      'Rejected or withdrawn applications: anonymize 3 months after the decision',
    );
    expect(withPeriod(rejected!, { amount: '1', unit: 'months' }).label).toBe(
      'Rejected or withdrawn applications: anonymize 1 month after the decision',
    );
    expect(withPeriod(rejected!, { amount: '90', unit: 'days' }).label).toBe(
      'Rejected or withdrawn applications: anonymize 90 days after the decision',
    );
    // "24 months" becomes "2 years" when it is whole years; "3 years" (36 months) follows too.
    expect(withPeriod(talentPool!, { amount: '12', unit: 'months' }).label).toMatch(
      /^Talent-pool consent lasts 1 year: ask for renewal 30 days before/,
    );
    expect(withPeriod(requests!, { amount: '60', unit: 'months' }).label).toBe(
      'Completed privacy requests: keep 5 years as proof, then erase',
    );
    // While the amount is being typed (emptied, then a new number), the label waits, then follows.
    const cleared = withPeriod(rejected!, { amount: '', unit: 'months' });
    expect(cleared.label).toBe(rejected!.label);
    expect(withPeriod(cleared, { amount: '9', unit: 'months' }).label).toBe(
      'Rejected or withdrawn applications: anonymize 9 months after the decision',
    );
    const own = { ...rejected!, label: 'Our rule for rejections' };
    expect(withPeriod(own, { amount: '3', unit: 'months' }).label).toBe('Our rule for rejections');
  });
});
