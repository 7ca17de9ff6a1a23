/**
 * What each backoffice view asks the API for when it first opens, as calls
 * of the admin's own dataProvider (apps/admin/src/providers/dataProvider.ts).
 * The bench runs that very dataProvider, with the admin's tRPC client and its
 * httpBatchLink, so the HTTP requests (procedures, inputs, batching into one
 * GET ?batch=1&input=...) are the admin's and change when it changes.
 *
 * Which calls a view makes is read from its components, with react-admin's
 * defaults where they set none (a <List> asks for 10 rows, a
 * <ReferenceInput> for 25 choices); the comments name the component. Calls
 * made in one render go out in one batch (Promise.all here: the same tick);
 * calls that need the first answer (a show page's panels) come after it.
 */
import { join } from 'node:path';
import { defaultReportPeriod } from '@candor/schemas';

type Row = Record<string, unknown> & { id: string };
type ListParams = {
  pagination: { page: number; perPage: number };
  sort: { field: string; order: 'ASC' | 'DESC' };
  filter: Record<string, unknown>;
};

/** The part of the admin's dataProvider the views below call (typed here: the admin's sources are not in this package). */
export type AdminDataProvider = {
  getList(resource: string, params: ListParams): Promise<{ data: Row[]; total?: number }>;
  getOne(resource: string, params: { id: string; meta?: unknown }): Promise<{ data: Row }>;
  getManyReference(
    resource: string,
    params: ListParams & { target: string; id: string },
  ): Promise<{ data: Row[] }>;
  board(input: { jobId: string; perColumn: number }): Promise<unknown>;
  interviews(applicationId: string): Promise<unknown>;
  scorecards(applicationId: string): Promise<unknown>;
  offers(applicationId: string): Promise<unknown>;
  applicationAttachments(applicationId: string): Promise<unknown>;
  attachments(candidateId: string): Promise<unknown>;
  consentHistory(candidateId: string): Promise<unknown>;
  disclosures(candidateId: string): Promise<unknown>;
  hiringReports(filter: Record<string, unknown>): Promise<unknown>;
};

type Query<I> = { query(input: I): Promise<unknown> };
/** The procedures of the admin's tRPC client that pages call without the dataProvider (typed here, as above). */
export type AdminTrpc = {
  dashboard: { mine: Query<{ timeZone: string }> };
  search: { documents: Query<{ filter: Record<string, unknown> }>; global: Query<{ q: string }> };
  notifications: { markAllRead: { mutate(): Promise<unknown> } };
};

export type Admin = {
  dataProvider: AdminDataProvider;
  trpc: AdminTrpc;
  detail: unknown;
  cardsPerColumn: number;
};

/**
 * The admin's dataProvider and the constants its views pass. Its tRPC client
 * calls the global `fetch` with paths like /trpc/jobs.list?batch=1&input=...;
 * the bench replaces `fetch` to send them to the server and record them.
 */
export async function loadAdmin(adminSrc: string): Promise<Admin> {
  // Imported by path at run time: the admin's sources typecheck under its own tsconfig, not this package's.
  const load = (path: string) => import(join(adminSrc, path));
  const [{ dataProvider }, { trpc }, { DETAIL }, { CARDS_PER_COLUMN }] = await Promise.all([
    load('providers/dataProvider.ts'),
    load('trpc.ts'),
    load('providers/detail.ts'),
    load('resources/jobs/board/useBoard.ts'),
  ]);
  return { dataProvider, trpc, detail: DETAIL, cardsPerColumn: CARDS_PER_COLUMN };
}

/** Records the views open on: found through the dataProvider too, as a recruiter would click to them. */
export type Fixtures = {
  biggestJobId: string;
  candidateId: string;
  applicationId: string;
  nameFragment: string;
  emailFragment: string;
  tag: string;
  /** A word in many applications' answers ("Immediately" is one of the bulk seed's notice periods): a broad search. */
  commonWord: string;
};

const firstPage = (perPage: number) => ({ page: 1, perPage });
/** <List> in JobList.tsx: sorted by createdAt DESC, react-admin's 10 per page. */
const jobsList: ListParams = {
  pagination: firstPage(10),
  sort: { field: 'createdAt', order: 'DESC' },
  filter: {},
};
/** <List> in ApplicationList.tsx: appliedAt DESC, filterDefaultValues { status: 'active' }. */
const applicationsList = (filter: Record<string, unknown>): ListParams => ({
  pagination: firstPage(10),
  sort: { field: 'appliedAt', order: 'DESC' },
  filter: { status: 'active', ...filter },
});
/** The always-on job filter of ApplicationList.tsx: a <ReferenceInput> fetches its first 25 choices by title. */
const jobChoices: ListParams = {
  pagination: firstPage(25),
  sort: { field: 'title', order: 'ASC' },
  filter: {},
};
/** <List> in CandidateList.tsx: lastActivityAt DESC. */
const candidatesList = (filter: Record<string, unknown>): ListParams => ({
  pagination: firstPage(10),
  sort: { field: 'lastActivityAt', order: 'DESC' },
  filter,
});

export async function findFixtures({ dataProvider: dp }: Admin): Promise<Fixtures> {
  const jobs = await dp.getList('jobs', { ...jobsList, pagination: firstPage(100) });
  const sizeOf = (job: Row) => (job.applicationCounts as { total: number }).total;
  const biggest = jobs.data.reduce((a, b) => (sizeOf(b) > sizeOf(a) ? b : a));
  const candidate = (await dp.getList('candidates', candidatesList({}))).data[0];
  const application = (await dp.getList('applications', applicationsList({}))).data[0];
  if (!candidate || !application) throw new Error('the bench tenant has no candidates or applications');
  const name = String(candidate.name);
  const email = String(candidate.email);
  return {
    biggestJobId: biggest.id,
    candidateId: candidate.id,
    applicationId: application.id,
    // What a recruiter types: the start of a surname, the start of an address.
    nameFragment: (name.split(' ').at(-1) ?? name).slice(0, 5),
    emailFragment: (email.split('@')[0] ?? email).slice(0, 8),
    tag: 'python',
    commonWord: 'immediately',
  };
}

export type View = {
  name: string;
  /** Who opens it: a recruiter, except one row as owner (no join to hide restricted candidates). */
  as: 'recruiter' | 'owner';
  open(admin: Admin, f: Fixtures): Promise<unknown>;
  /** Sent before each open and not timed (a change the open follows); its server CPU counts with the open's. */
  before?(admin: Admin, f: Fixtures): Promise<unknown>;
};

/** Lists and record pages (issue 16's budget). */
const listAndRecordViews: View[] = [
  { name: 'jobs list', as: 'recruiter', open: ({ dataProvider: dp }) => dp.getList('jobs', jobsList) },
  {
    name: 'job board, biggest job',
    as: 'recruiter',
    // JobBoard.tsx → useBoard: the board alone, CARDS_PER_COLUMN per stage.
    open: ({ dataProvider: dp, cardsPerColumn }, f) =>
      dp.board({ jobId: f.biggestJobId, perColumn: cardsPerColumn }),
  },
  {
    name: 'job show, biggest job',
    as: 'recruiter',
    // JobShow.tsx: <Show queryOptions={detailQueryOptions}>; the Overview tab needs nothing more.
    open: ({ dataProvider: dp, detail }, f) => dp.getOne('jobs', { id: f.biggestJobId, meta: detail }),
  },
  {
    name: 'applications of a job (job page)',
    as: 'recruiter',
    open: applicationsOfBiggestJob,
  },
  {
    name: 'applications of a job, as owner',
    as: 'owner',
    open: applicationsOfBiggestJob,
  },
  {
    name: 'applications list (default)',
    as: 'recruiter',
    open: ({ dataProvider: dp }) =>
      Promise.all([dp.getList('applications', applicationsList({})), dp.getList('jobs', jobChoices)]),
  },
  {
    name: 'applications with a tag',
    as: 'recruiter',
    open: ({ dataProvider: dp }, f) =>
      Promise.all([
        dp.getList('applications', applicationsList({ tag: f.tag })),
        dp.getList('jobs', jobChoices),
      ]),
  },
  {
    name: 'applications: search by candidate',
    as: 'recruiter',
    open: ({ dataProvider: dp }, f) =>
      Promise.all([
        dp.getList('applications', applicationsList({ q: f.nameFragment })),
        dp.getList('jobs', jobChoices),
      ]),
  },
  {
    name: 'candidates list (default)',
    as: 'recruiter',
    open: ({ dataProvider: dp }) => dp.getList('candidates', candidatesList({})),
  },
  {
    name: 'candidates: search by name',
    as: 'recruiter',
    open: ({ dataProvider: dp }, f) => dp.getList('candidates', candidatesList({ q: f.nameFragment })),
  },
  {
    name: 'candidates: search by email',
    as: 'recruiter',
    open: ({ dataProvider: dp }, f) => dp.getList('candidates', candidatesList({ q: f.emailFragment })),
  },
  {
    name: 'candidate show',
    as: 'recruiter',
    // CandidateShow.tsx: the record, then its panels: Files, Consent history, and (candidates.manage) Who received
    // their data; Legal holds only for holds.manage, which a recruiter lacks.
    open: async ({ dataProvider: dp, detail }, f) => {
      const { data } = await dp.getOne('candidates', { id: f.candidateId, meta: detail });
      return Promise.all([dp.attachments(data.id), dp.consentHistory(data.id), dp.disclosures(data.id)]);
    },
  },
  {
    name: 'application show',
    as: 'recruiter',
    // ApplicationShow.tsx: the record, then Interviews and Feedback (interviews and scorecards, shared query
    // keys asked once; Feedback asks for the job only when the viewer owes a scorecard, which this recruiter
    // does not), Offer (offers) and Documents (the application's files).
    open: async ({ dataProvider: dp, detail }, f) => {
      const { data } = await dp.getOne('applications', { id: f.applicationId, meta: detail });
      return Promise.all([
        dp.interviews(data.id),
        dp.scorecards(data.id),
        dp.offers(data.id),
        dp.applicationAttachments(data.id),
      ]);
    },
  },
];

/** DashboardPanels.tsx asks for the viewer's panels in their browser's time zone. */
const openDashboard = ({ trpc }: Admin) => trpc.dashboard.mine.query({ timeZone: 'Europe/Berlin' });

/** ReportsPage.tsx: the jobs for the scope picker (100 by title) and every report for the default period. */
const openReports =
  (scope: (f: Fixtures) => Record<string, unknown>) =>
  ({ dataProvider: dp }: Admin, f: Fixtures) =>
    Promise.all([
      dp.getList('jobs', { pagination: firstPage(100), sort: { field: 'title', order: 'ASC' }, filter: {} }),
      dp.hiringReports({ ...defaultReportPeriod(), ...scope(f) }),
    ]);

/** The views the dashboards, reports, search and talent pool pages open (issue 19's budget is on the first two). */
export const workViews: View[] = [
  { name: 'dashboard, recruiter', as: 'recruiter', open: openDashboard },
  { name: 'dashboard, owner', as: 'owner', open: openDashboard },
  { name: 'reports, all jobs', as: 'recruiter', open: openReports(() => ({})) },
  { name: 'reports, biggest job', as: 'recruiter', open: openReports((f) => ({ jobId: f.biggestJobId })) },
  {
    name: 'reports, all jobs, after a change',
    as: 'recruiter',
    // Any staff mutation moves the tenant's change counter (trpc/tenant-changes.ts) as a stage move does; marking
    // notifications read (the bell's "Mark all read") is one that can be repeated 200 times. Then the page opens.
    before: ({ trpc }) => trpc.notifications.markAllRead.mutate(),
    open: openReports(() => ({})),
  },
  {
    name: 'reports, all jobs, counted again',
    as: 'recruiter',
    // The page's "Count again": every report counted now, not the copy of the last minutes.
    open: ({ dataProvider: dp }) => dp.hiringReports({ ...defaultReportPeriod(), fresh: true }),
  },
  {
    name: 'search in documents, a common word',
    as: 'recruiter',
    // SearchPage.tsx runs search.documents with the typed words as the only filter.
    open: ({ trpc }, f) => trpc.search.documents.query({ filter: { q: f.commonWord } }),
  },
  {
    name: 'global search (Ctrl-K), a name',
    as: 'recruiter',
    // CommandPalette.tsx: one search.global per settled query.
    open: ({ trpc }, f) => trpc.search.global.query({ q: f.nameFragment }),
  },
  {
    name: 'talent pool',
    as: 'recruiter',
    // TalentPoolList.tsx: <List sort joinedAt DESC>, react-admin's 10 per page.
    open: ({ dataProvider: dp }) =>
      dp.getList('talent-pool', {
        pagination: firstPage(10),
        sort: { field: 'joinedAt', order: 'DESC' },
        filter: {},
      }),
  },
];

export const views: View[] = [...listAndRecordViews, ...workViews];

/** JobShow.tsx opened on its Applications tab: the job, then <ReferenceManyField target="jobId" perPage={25}>. */
async function applicationsOfBiggestJob({ dataProvider: dp, detail }: Admin, f: Fixtures): Promise<unknown> {
  const { data: job } = await dp.getOne('jobs', { id: f.biggestJobId, meta: detail });
  return dp.getManyReference('applications', {
    target: 'jobId',
    id: job.id,
    pagination: firstPage(25),
    sort: { field: 'appliedAt', order: 'DESC' },
    filter: {},
  });
}
