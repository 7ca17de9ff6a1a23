// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { aPrivacyRequest } from '../../testing/fixtures';
import { fakeDataProvider, renderAdmin, signedIn } from '../../testing/renderAdmin';
import { RequestActionButtons } from './RequestActionButtons';

const admin = signedIn('admin');
const buttonNames = () => screen.queryAllByRole('button').map((button) => button.textContent);

describe('RequestActionButtons', () => {
  it('offers a new, unverified request only the receipt, verification, extension and refusal', () => {
    renderAdmin(<RequestActionButtons request={aPrivacyRequest()} />, {
      dataProvider: fakeDataProvider({}),
      me: admin,
    });
    expect(buttonNames()).toEqual(['Send receipt', 'Verify identity', 'Extend deadline', 'Refuse']);
    expect(screen.getByText(/Verify the requester’s identity first/)).toBeTruthy();
  });

  it('offers a verified access request in progress the download and completion, and no longer a receipt', () => {
    const request = aPrivacyRequest({
      status: 'in_progress',
      verification: 'verified',
      acknowledgedAt: new Date().toISOString(),
      extendedAt: new Date().toISOString(),
    });
    renderAdmin(<RequestActionButtons request={request} />, {
      dataProvider: fakeDataProvider({}),
      me: admin,
    });
    expect(buttonNames()).toEqual(['Download the data', 'Complete', 'Refuse']);
    expect(screen.queryByText(/Verify the requester’s identity first/)).toBeNull();
  });

  it('shows nothing for a closed erasure request, and still the download for a closed access request', () => {
    const closed = { status: 'completed', verification: 'verified' } as const;
    const { unmount } = renderAdmin(<RequestActionButtons request={aPrivacyRequest(closed)} />, {
      dataProvider: fakeDataProvider({}),
      me: admin,
    });
    expect(buttonNames()).toEqual(['Download the data']);
    unmount();
    const request = aPrivacyRequest({ ...closed, type: 'erasure' });
    const { container } = renderAdmin(<RequestActionButtons request={request} />, {
      dataProvider: fakeDataProvider({}),
      me: admin,
    });
    expect(container.textContent).toBe('');
  });

  it('marks the request verified after the confirmation', async () => {
    const user = userEvent.setup();
    const request = aPrivacyRequest();
    const transitionRequest = vi.fn(async () => ({ ...request, status: 'verified' as const }));
    renderAdmin(<RequestActionButtons request={request} />, {
      dataProvider: fakeDataProvider({ transitionRequest }),
      me: admin,
    });
    await user.click(screen.getByRole('button', { name: 'Verify identity' }));
    const dialog = screen.getByRole('dialog', { name: 'Verify the requester’s identity' });
    await user.click(within(dialog).getByRole('button', { name: 'Mark as verified' }));
    await waitFor(() => expect(transitionRequest).toHaveBeenCalledWith({ id: request.id, to: 'verified' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('refuses only with a legal reason and an answer, and sends both', async () => {
    const user = userEvent.setup();
    const request = aPrivacyRequest({ verification: 'verified', status: 'verified' });
    const transitionRequest = vi.fn(async () => ({ ...request, status: 'refused' as const }));
    renderAdmin(<RequestActionButtons request={request} />, {
      dataProvider: fakeDataProvider({ transitionRequest }),
      me: admin,
    });
    await user.click(screen.getByRole('button', { name: 'Refuse' }));
    const dialog = screen.getByRole('dialog', { name: 'Refuse the request' });
    await user.click(within(dialog).getByRole('button', { name: 'Refuse and send' }));
    expect(within(dialog).getAllByText('Required')).toHaveLength(2);
    expect(transitionRequest).not.toHaveBeenCalled();

    await user.type(within(dialog).getByRole('textbox', { name: 'Legal reason' }), 'Manifestly unfounded');
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Answer to the requester' }),
      'We cannot help.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Refuse and send' }));
    await waitFor(() =>
      expect(transitionRequest).toHaveBeenCalledWith({
        id: request.id,
        to: 'refused',
        reason: 'Manifestly unfounded',
        answer: 'We cannot help.',
      }),
    );
  });

  it('erases only once ERASE is typed', async () => {
    const user = userEvent.setup();
    const request = aPrivacyRequest({ type: 'erasure', status: 'in_progress', verification: 'verified' });
    const executeErasure = vi.fn(async () => request);
    renderAdmin(<RequestActionButtons request={request} />, {
      dataProvider: fakeDataProvider({ executeErasure }),
      me: admin,
    });
    await user.click(screen.getByRole('button', { name: 'Erase now' }));
    const dialog = screen.getByRole('dialog', { name: 'Erase this candidate’s data' });
    await user.click(within(dialog).getByRole('button', { name: 'Erase permanently' }));
    expect(within(dialog).getByText('Type ERASE to confirm', { selector: 'p' })).toBeTruthy();
    expect(executeErasure).not.toHaveBeenCalled();

    await user.type(within(dialog).getByRole('textbox', { name: 'Type ERASE to confirm' }), 'ERASE');
    await user.click(within(dialog).getByRole('button', { name: 'Erase permanently' }));
    await waitFor(() => expect(executeErasure).toHaveBeenCalledWith(request.id));
  });

  it('keeps the dialog open with the server’s message when the action fails', async () => {
    const user = userEvent.setup();
    const request = aPrivacyRequest();
    const transitionRequest = vi.fn(async () => {
      throw new Error('The request was changed by someone else; reload it');
    });
    renderAdmin(<RequestActionButtons request={request} />, {
      dataProvider: fakeDataProvider({ transitionRequest }),
      me: admin,
    });
    await user.click(screen.getByRole('button', { name: 'Verify identity' }));
    const dialog = screen.getByRole('dialog', { name: 'Verify the requester’s identity' });
    await user.click(within(dialog).getByRole('button', { name: 'Mark as verified' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('changed by someone else');
    expect(within(dialog).getByRole('button', { name: 'Mark as verified' })).toHaveProperty(
      'disabled',
      false,
    );
  });
});
