// @vitest-environment happy-dom
import {
  DEFAULT_RETENTION_POLICY,
  type TRetentionPolicy,
  type TRetentionPolicyResult,
  ZRetentionPolicy,
} from '@candor/schemas';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import type { CandorDataProvider } from '../../providers/dataProvider';
import { fakeDataProvider, renderAdmin, signedIn } from '../../testing/renderAdmin';
import { RetentionPage } from './RetentionPage';

const admin = signedIn('admin');

/** The defaults with the first rule (rejected applications) kept 9 months instead: saved as version 3. */
function savedPolicy(): TRetentionPolicyResult {
  const [first, ...rest] = DEFAULT_RETENTION_POLICY.rules;
  if (!first) throw new Error('the default policy has rules');
  const policy: TRetentionPolicy = {
    ...DEFAULT_RETENTION_POLICY,
    rules: [{ ...first, period: { amount: 9, unit: 'months' } }, ...rest],
  };
  return {
    current: { version: 3, policy, createdBy: 'Ada Admin', createdAt: new Date().toISOString() },
    defaults: DEFAULT_RETENTION_POLICY,
  };
}

type PolicyInput = Parameters<CandorDataProvider['saveRetentionPolicy']>[0];

function renderPage(
  saveRetentionPolicy = vi.fn(async (policy: PolicyInput) => savedAs(4, ZRetentionPolicy.parse(policy))),
) {
  const result = savedPolicy();
  const dataProvider = fakeDataProvider({
    retentionPolicy: vi.fn(async () => result),
    retentionRuns: vi.fn(async () => []),
    saveRetentionPolicy,
  });
  renderAdmin(<RetentionPage />, { dataProvider, me: admin });
  return { saveRetentionPolicy, result };
}

function savedAs(version: number, policy: TRetentionPolicy): TRetentionPolicyResult {
  return {
    current: { version, policy, createdBy: 'Ada Admin', createdAt: new Date().toISOString() },
    defaults: DEFAULT_RETENTION_POLICY,
  };
}

/** The "Keep for" field of the first rule card. */
async function firstRuleKeepFor() {
  const rules = await screen.findByRole('list', { name: 'Retention rules' });
  const [first] = within(rules).getAllByRole('listitem');
  if (!first) throw new Error('no rule card');
  return within(first).getByRole('spinbutton', { name: 'Keep for' });
}

describe('RetentionPage', () => {
  it('offers no discard until a rule changes, then saves the edited policy as a new version', async () => {
    const user = userEvent.setup();
    const { saveRetentionPolicy, result } = renderPage();
    const keepFor = await firstRuleKeepFor();
    expect(keepFor).toHaveProperty('value', '9');
    expect(screen.getByRole('button', { name: 'Discard changes' })).toHaveProperty('disabled', true);
    expect(screen.queryByText('Unsaved changes')).toBeNull();

    await user.clear(keepFor);
    await user.type(keepFor, '18');
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Discard changes' })).toHaveProperty('disabled', false);

    await user.click(screen.getByRole('button', { name: 'Save as new version' }));
    await waitFor(() => expect(saveRetentionPolicy).toHaveBeenCalledTimes(1));
    const [sent] = saveRetentionPolicy.mock.calls[0] ?? [];
    const [first, ...rest] = result.current.policy.rules;
    expect(sent).toEqual({
      ...result.current.policy,
      rules: [{ ...first, period: { amount: 18, unit: 'months' } }, ...rest],
    });
    expect(await screen.findByText(/^Version 4, saved by Ada Admin/)).toBeTruthy();
    expect(screen.queryByText('Unsaved changes')).toBeNull();
  });

  it('discards the edits back to the saved version', async () => {
    const user = userEvent.setup();
    const { saveRetentionPolicy } = renderPage();
    const keepFor = await firstRuleKeepFor();
    await user.clear(keepFor);
    await user.type(keepFor, '2');
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(await firstRuleKeepFor()).toHaveProperty('value', '9');
    expect(screen.queryByText('Unsaved changes')).toBeNull();
    expect(saveRetentionPolicy).not.toHaveBeenCalled();
  });

  it('puts the defaults in the form on reset, and saves them only when asked', async () => {
    const user = userEvent.setup();
    const { saveRetentionPolicy } = renderPage();
    await firstRuleKeepFor();
    await user.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    expect(await firstRuleKeepFor()).toHaveProperty(
      'value',
      String(DEFAULT_RETENTION_POLICY.rules[0]?.period.amount),
    );
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    expect(saveRetentionPolicy).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Save as new version' }));
    await waitFor(() => expect(saveRetentionPolicy).toHaveBeenCalledWith(DEFAULT_RETENTION_POLICY));
  });

  it('shows the server’s refusal at the field it names and keeps the edits', async () => {
    const user = userEvent.setup();
    renderPage(
      vi.fn(async () => {
        throw new HttpError('Some fields are not valid', 400, {
          errors: { 'rules.0.period.amount': 'Keep it at most 1200 months' },
        });
      }),
    );
    const keepFor = await firstRuleKeepFor();
    await user.clear(keepFor);
    await user.type(keepFor, '1300');
    await user.click(screen.getByRole('button', { name: 'Save as new version' }));
    expect(await screen.findByText('Keep it at most 1200 months')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Some rules are not valid');
    expect(await firstRuleKeepFor()).toHaveProperty('value', '1300');
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
  });
});
