// @vitest-environment happy-dom
import type { TBackgroundJobList } from '@candor/schemas';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeDataProvider, renderAdmin, signedIn } from '../../testing/renderAdmin';
import { BackgroundJobsPage, scheduleLabel } from './BackgroundJobsPage';
import { backgroundJobsApi } from './backgroundJobsApi';

// The page calls the API through this module, not the dataProvider (see backgroundJobsApi.ts).
vi.mock('./backgroundJobsApi', () => ({
  backgroundJobsApi: { list: vi.fn(), retry: vi.fn(), unfiledApplications: vi.fn(), fileAgain: vi.fn() },
}));
const api = vi.mocked(backgroundJobsApi);
const dataProvider = fakeDataProvider({});
beforeEach(() => {
  vi.clearAllMocks();
  api.unfiledApplications.mockResolvedValue({ waiting: 0, stuck: [] });
});

const admin = signedIn('admin');
const FAILED_ID = '6f1c1f0e-8a55-4a8f-9c55-4f1f2f9b1c11';

function listWithFailedJob(): TBackgroundJobList {
  const now = new Date().toISOString();
  return {
    runner: 'pg-boss',
    queues: [
      {
        name: 'careers.publish-tenant',
        label: 'Careers site: republish',
        everySeconds: null,
        perTenant: true,
        retryLimit: 3,
        queued: 0,
        running: 0,
        failed: 1,
        lastCompletedAt: null,
      },
      {
        name: 'mail.dispatch',
        label: 'Outbox: deliver emails',
        everySeconds: 2,
        perTenant: false,
        retryLimit: 2,
        queued: 1,
        running: 0,
        failed: 0,
        lastCompletedAt: now,
      },
    ],
    jobs: [
      {
        id: FAILED_ID,
        name: 'careers.publish-tenant',
        state: 'failed',
        ownTenant: true,
        retryCount: 3,
        retryLimit: 3,
        createdAt: now,
        startedAt: now,
        finishedAt: now,
        startAfter: null,
        error: 'TypeError',
      },
      {
        id: '7a2d2f0e-8a55-4a8f-9c55-4f1f2f9b1c12',
        name: 'mail.dispatch',
        state: 'created',
        ownTenant: false,
        retryCount: 0,
        retryLimit: 2,
        createdAt: now,
        startedAt: null,
        finishedAt: null,
        startAfter: now,
        error: null,
      },
    ],
  };
}

describe('BackgroundJobsPage', () => {
  it('lists the kinds of job and the recent ones, and retries a failed one', async () => {
    const user = userEvent.setup();
    api.retry.mockResolvedValue(undefined);
    api.list.mockImplementation(async () => listWithFailedJob());
    renderAdmin(<BackgroundJobsPage />, {
      dataProvider,
      me: admin,
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Background jobs' })).toBeTruthy();
    const kinds = await screen.findByRole('table', { name: 'Kinds of background job' });
    expect(within(kinds).getByText('Every 2 s')).toBeTruthy();
    const recent = screen.getByRole('table', { name: 'Recent background jobs' });
    expect(within(recent).getByText('Failed')).toBeTruthy();
    expect(within(recent).getByText('TypeError')).toBeTruthy();
    expect(within(recent).getByText('Queued')).toBeTruthy();
    // Only the failed job offers a retry.
    const retries = within(recent).getAllByRole('button', { name: /^Retry/ });
    expect(retries).toHaveLength(1);
    await user.click(retries[0]!);
    await waitFor(() => expect(api.retry).toHaveBeenCalledWith(FAILED_ID));
    await waitFor(() => expect(api.list.mock.calls.length).toBeGreaterThan(1));
  });

  it('lists the applications filing gave up on, and files one again', async () => {
    const user = userEvent.setup();
    const stuckId = '8b3e3f0e-8a55-4a8f-9c55-4f1f2f9b1c13';
    api.list.mockResolvedValue(listWithFailedJob());
    api.fileAgain.mockResolvedValue(undefined);
    api.unfiledApplications.mockResolvedValue({
      waiting: 2,
      stuck: [
        {
          id: stuckId,
          jobId: '9c4f4f0e-8a55-4a8f-9c55-4f1f2f9b1c14',
          jobTitle: 'Backend Engineer',
          email: 'ada@example.test',
          receivedAt: new Date().toISOString(),
          attempts: 5,
          lastError: 'Error (ENOENT)',
        },
      ],
    });
    renderAdmin(<BackgroundJobsPage />, { dataProvider, me: admin });
    const stuck = await screen.findByRole('table', { name: 'Applications filing gave up on' });
    expect(within(stuck).getByText('ada@example.test')).toBeTruthy();
    expect(within(stuck).getByText('Error (ENOENT)')).toBeTruthy();
    expect(screen.getByText('2 applications are being filed.')).toBeTruthy();
    await user.click(
      within(stuck).getByRole('button', { name: 'File the application from ada@example.test again' }),
    );
    await waitFor(() => expect(api.fileAgain).toHaveBeenCalledWith(stuckId));
  });

  it('says so when every application is filed', async () => {
    api.list.mockResolvedValue(listWithFailedJob());
    renderAdmin(<BackgroundJobsPage />, { dataProvider, me: admin });
    expect(await screen.findByText(/^Every application is filed/)).toBeTruthy();
  });

  it('says so when no job has run yet', async () => {
    const empty: TBackgroundJobList = { runner: 'in-process', queues: listWithFailedJob().queues, jobs: [] };
    api.list.mockResolvedValue(empty);
    renderAdmin(<BackgroundJobsPage />, { dataProvider, me: admin });
    expect(await screen.findByText('No jobs yet')).toBeTruthy();
    expect(screen.getByText(/inside the API process/)).toBeTruthy();
  });

  it('shows a loading state first', () => {
    api.list.mockReturnValue(new Promise<TBackgroundJobList>(() => undefined));
    renderAdmin(<BackgroundJobsPage />, { dataProvider, me: admin });
    expect(screen.getByLabelText('Loading background jobs')).toBeTruthy();
  });

  it('names schedules in words', () => {
    expect(scheduleLabel(null)).toBe('When needed');
    expect(scheduleLabel(3600)).toBe('Every hour');
    expect(scheduleLabel(300)).toBe('Every 5 minutes');
    expect(scheduleLabel(30)).toBe('Every 30 s');
  });
});
