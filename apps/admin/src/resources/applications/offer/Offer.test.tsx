// @vitest-environment happy-dom
import { DEFAULT_HIRING_SETTINGS, type TJob, type TOffer } from '@candor/schemas';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { aJob, anApplication, anOffer, dayIn } from '../../../testing/fixtures';
import { permissionsOf } from '../../../testing/permissions';
import { type FakeCalls, fakeDataProvider, renderAdmin, signedIn } from '../../../testing/renderAdmin';
import { Offer } from './Offer';

const recruiter = signedIn('recruiter');
const owner = signedIn('owner');

/** The calls the offer panel makes, with the offers the API holds for the application. */
function offerApi(offers: TOffer[], job: TJob = aJob()) {
  const changed = (offer: TOffer | undefined) => async () => offer ?? anOffer();
  return {
    offers: vi.fn(async () => offers),
    approveOffer: vi.fn(changed(offers[0])),
    sendOffer: vi.fn(changed(offers[0])),
    withdrawOffer: vi.fn(changed(offers[0])),
    createOffer: vi.fn(async () => anOffer()),
    hiringSettings: vi.fn(async () => ({
      ...DEFAULT_HIRING_SETTINGS,
      offerTerms: 'Welcome, {{candidateName}}.',
    })),
    getOne: vi.fn(async () => ({ data: job })),
  } satisfies FakeCalls;
}

describe('Offer', () => {
  it('lets an owner who did not draft the offer approve it, after a confirmation', async () => {
    const user = userEvent.setup();
    const offer = anOffer({ status: 'pending_approval' });
    const api = offerApi([offer]);
    renderAdmin(<Offer application={anApplication()} permissions={permissionsOf(owner)} />, {
      dataProvider: fakeDataProvider(api),
      me: owner,
    });
    await user.click(await screen.findByRole('button', { name: 'Approve' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText('Approve this offer?')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(api.approveOffer).toHaveBeenCalledWith(offer.id));
    expect(api.sendOffer).not.toHaveBeenCalled();
  });

  it('does not let the author approve their own offer, nor a recruiter approve at all', async () => {
    const offer = anOffer({ status: 'pending_approval', createdBy: { id: owner.userId, name: owner.name } });
    const { unmount } = renderAdmin(
      <Offer application={anApplication()} permissions={permissionsOf(owner)} />,
      { dataProvider: fakeDataProvider(offerApi([offer])), me: owner },
    );
    expect(await screen.findByText(/An owner or admin other than you must approve it/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    unmount();

    renderAdmin(<Offer application={anApplication()} permissions={permissionsOf(recruiter)} />, {
      dataProvider: fakeDataProvider(offerApi([anOffer({ status: 'pending_approval' })])),
      me: recruiter,
    });
    expect(await screen.findByText('Waiting for an owner or admin to approve it.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Withdraw offer' })).toBeTruthy();
    // An open offer blocks a second one.
    expect(screen.queryByRole('button', { name: 'Draft offer' })).toBeNull();
  });

  it('sends an approved offer to the candidate', async () => {
    const user = userEvent.setup();
    const offer = anOffer({ status: 'approved', approvedAt: new Date().toISOString() });
    const api = offerApi([offer]);
    renderAdmin(<Offer application={anApplication()} permissions={permissionsOf(recruiter)} />, {
      dataProvider: fakeDataProvider(api),
      me: recruiter,
    });
    await user.click(await screen.findByRole('button', { name: 'Send to candidate' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Send offer' }));
    await waitFor(() => expect(api.sendOffer).toHaveBeenCalledWith(offer.id));
  });

  it('only withdraws, never sends, while the candidate restricts processing', async () => {
    const user = userEvent.setup();
    const offer = anOffer({ status: 'approved', approvedAt: new Date().toISOString() });
    const api = offerApi([offer]);
    const base = anApplication();
    if (base.candidate.blind) throw new Error('the fixture is an identified candidate');
    const application = { ...base, candidate: { ...base.candidate, restrictedAt: new Date().toISOString() } };
    renderAdmin(<Offer application={application} permissions={permissionsOf(recruiter)} />, {
      dataProvider: fakeDataProvider(api),
      me: recruiter,
    });
    await user.click(await screen.findByRole('button', { name: 'Withdraw offer' }));
    expect(screen.queryByRole('button', { name: 'Send to candidate' })).toBeNull();
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Withdraw offer' }));
    await waitFor(() => expect(api.withdrawOffer).toHaveBeenCalledWith(offer.id));
  });

  it('drafts an offer in the job’s currency with the organisation’s terms, once the salary is a whole number', async () => {
    const user = userEvent.setup();
    const job = aJob({ salary: { min: 60_000, max: 80_000, currency: 'CHF', period: 'year' } });
    const application = anApplication({ job: { id: job.id, title: job.title } });
    const api = offerApi([anOffer({ status: 'declined' })], job);
    renderAdmin(<Offer application={application} permissions={permissionsOf(recruiter)} />, {
      dataProvider: fakeDataProvider(api),
      me: recruiter,
    });
    await user.click(await screen.findByRole('button', { name: 'Draft offer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Draft an offer for Grace Hopper' });
    expect(within(dialog).getByText('Job range 60000–80000')).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Draft offer' }));
    expect(within(dialog).getByText('Give the salary as a whole number')).toBeTruthy();
    expect(api.createOffer).not.toHaveBeenCalled();

    await user.type(within(dialog).getByRole('spinbutton', { name: 'Salary' }), '72000');
    await user.click(within(dialog).getByRole('button', { name: 'Draft offer' }));
    await waitFor(() =>
      expect(api.createOffer).toHaveBeenCalledWith({
        applicationId: application.id,
        salary: 72_000,
        currency: 'CHF',
        period: 'year',
        startDate: dayIn(30),
        expiresOn: dayIn(14),
        terms: 'Welcome, {{candidateName}}.',
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('offers no draft to a recruiter while the application is no longer active', async () => {
    renderAdmin(
      <Offer application={anApplication({ status: 'rejected' })} permissions={permissionsOf(recruiter)} />,
      { dataProvider: fakeDataProvider(offerApi([])), me: recruiter },
    );
    expect(await screen.findByText('No offer yet.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Draft offer' })).toBeNull();
  });
});
