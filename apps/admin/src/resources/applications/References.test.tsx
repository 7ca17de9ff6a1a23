// @vitest-environment happy-dom
import type { TApplicationReferences, TReferee } from '@candor/schemas';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { anApplication } from '../../testing/fixtures';
import { type FakeCalls, fakeDataProvider, renderAdmin, signedIn } from '../../testing/renderAdmin';
import { References } from './References';

const recruiter = signedIn('recruiter');

const answered: TReferee = {
  id: '00000000-0000-4000-8000-0000000000a1',
  name: 'Rhea Referee',
  email: 'rhea@example.test',
  relationship: 'Former manager',
  consentRecordedBy: 'candidate',
  status: 'answered',
  expiresAt: '2030-01-15T00:00:00.000Z',
  answers: [
    { questionId: 'strengths', question: 'What are their main strengths?', answer: 'Clear writing.' },
    { questionId: 'again', question: 'Would you work with them again?', answer: 'yes' },
  ],
  respondedAt: '2030-01-02T10:00:00.000Z',
  createdAt: '2030-01-01T10:00:00.000Z',
};

function referencesApi(data: TApplicationReferences) {
  return {
    references: vi.fn(async () => data),
    requestReferences: vi.fn(async () => data),
    addReferees: vi.fn(async () => data),
    withdrawReferee: vi.fn(async () => data),
  } satisfies FakeCalls;
}

describe('References', () => {
  it('shows what a referee wrote, yes/no answers in words', async () => {
    const api = referencesApi({ hiddenForBlindReview: false, pendingRequest: null, referees: [answered] });
    renderAdmin(<References application={anApplication()} canManage />, {
      dataProvider: fakeDataProvider(api),
      me: recruiter,
    });
    const item = await screen.findByRole('listitem');
    expect(within(item).getByRole('heading', { name: 'Rhea Referee' })).toBeTruthy();
    expect(within(item).getByText('Clear writing.')).toBeTruthy();
    expect(within(item).getByText('Yes')).toBeTruthy();
  });

  it('says references are hidden in blind review, and offers no actions', async () => {
    const api = referencesApi({ hiddenForBlindReview: true, pendingRequest: null, referees: [] });
    renderAdmin(<References application={anApplication()} canManage={false} />, {
      dataProvider: fakeDataProvider(api),
      me: recruiter,
    });
    expect(await screen.findByText('References are hidden during blind review.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('sends nothing until the candidate’s consent is ticked, then adds the referee', async () => {
    const user = userEvent.setup();
    const api = referencesApi({ hiddenForBlindReview: false, pendingRequest: null, referees: [] });
    const application = anApplication();
    renderAdmin(<References application={application} canManage />, {
      dataProvider: fakeDataProvider(api),
      me: recruiter,
    });
    await user.click(await screen.findByRole('button', { name: 'Add a referee' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /Referee's name/ }), 'Lee Referee');
    await user.type(within(dialog).getByRole('textbox', { name: /Referee's email/ }), 'lee@example.test');
    await user.type(within(dialog).getByRole('textbox', { name: /How the candidate knows them/ }), 'Peer');
    await user.click(within(dialog).getByRole('button', { name: 'Email the reference form' }));
    expect(await within(dialog).findByText('Confirm that this referee agreed to be contacted')).toBeTruthy();
    expect(api.addReferees).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('checkbox', { name: /agreed to be contacted/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Email the reference form' }));
    await waitFor(() =>
      expect(api.addReferees).toHaveBeenCalledWith({
        applicationId: application.id,
        referees: [{ name: 'Lee Referee', email: 'lee@example.test', relationship: 'Peer', consented: true }],
      }),
    );
  });
});
