import type { AppRouter } from '@candor/api';
import { REQUEST_TYPE_LABELS } from '@candor/schemas/labels';
import { Alert, Box, Button, Card, CardContent, Link, Skeleton, Stack, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { ReactNode } from 'react';
import { useLogoutIfAccessDenied, useNotify } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { toHttpError } from '../../providers/errors';
import { trpc } from '../../trpc';

type Dashboard = inferRouterOutputs<AppRouter>['dashboard']['mine'];
type Recruiting = NonNullable<Dashboard['recruiting']>;
type Manager = NonNullable<Dashboard['manager']>;
type Admin = NonNullable<Dashboard['admin']>;

const DASHBOARD_KEY = ['dashboard', 'mine'] as const;
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const appLink = (id: string) => `/applications/${id}/show`;
const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });

/**
 * The dashboard's "my work" panels, by role: the API sends only the panels the
 * caller may see. Loaded lazily by the dashboard and Zod-free (it asks the API
 * itself rather than the dataProvider): the first-load budget.
 */
export function DashboardPanels() {
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const { data, error } = useQuery({
    queryKey: DASHBOARD_KEY,
    queryFn: async () => {
      try {
        return await trpc.dashboard.mine.query({ timeZone });
      } catch (failure) {
        const httpError = toHttpError(failure);
        await logoutIfAccessDenied(httpError);
        throw httpError;
      }
    },
  });
  if (error)
    return (
      <Alert severity="error" sx={{ mt: 2 }}>
        Could not load your dashboard. Reload to retry.
      </Alert>
    );
  if (!data) {
    return (
      <Grid>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} variant="rounded" height={160} aria-hidden />
        ))}
      </Grid>
    );
  }
  return (
    <Stack spacing={3} sx={{ mt: 3 }}>
      {data.admin && <AdminPanels admin={data.admin} />}
      {data.manager && <ManagerPanels manager={data.manager} />}
      {(data.recruiting || data.privacy) && (
        <Section title="Recruiting">
          {data.recruiting && <RecruitingCards recruiting={data.recruiting} />}
          {data.privacy && (
            <Panel title="Privacy requests" count={data.privacy.open} to="/privacy-requests">
              {data.privacy.open > 0 && (
                <Typography variant="body2" color="text.secondary">
                  {data.privacy.dueSoon} due within a week, {data.privacy.overdue} overdue
                </Typography>
              )}
              <Lines
                empty="No open privacy requests."
                items={data.privacy.items.map((r) => ({
                  key: r.id,
                  to: `/privacy-requests/${r.id}/show`,
                  primary: REQUEST_TYPE_LABELS[r.type],
                  secondary: `${r.overdue ? 'Overdue since' : 'Due'} ${day(r.dueOn)}`,
                }))}
              />
            </Panel>
          )}
        </Section>
      )}
    </Stack>
  );
}

function Grid({ children }: { children: ReactNode }) {
  return (
    <Box
      sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))', mt: 2 }}
    >
      {children}
    </Box>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <Typography variant="h6" component="h2">
        {title}
      </Typography>
      <Grid>{children}</Grid>
    </section>
  );
}

/** A card: its title (a link to the page behind it), its count, its short list. */
function Panel({
  title,
  count,
  atLeast = false,
  to,
  children,
}: {
  title: string;
  count?: number;
  /** The count is a floor: there are more (counted only so far). */
  atLeast?: boolean;
  to: string;
  children: ReactNode;
}) {
  return (
    <Card variant="outlined" component="section" aria-label={title}>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'baseline', justifyContent: 'space-between', mb: 0.5 }}>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            <Link component={RouterLink} to={to} color="inherit" underline="hover">
              {title}
            </Link>
          </Typography>
          {count !== undefined && (
            <Typography
              variant="h5"
              component="p"
              aria-label={atLeast ? `more than ${count} in all` : `${count} in all`}
            >
              {atLeast ? `${count}+` : count}
            </Typography>
          )}
        </Stack>
        {children}
      </CardContent>
    </Card>
  );
}

type Line = { key: string; to: string; primary: string; secondary?: string; action?: ReactNode };

/** A short list of links; when empty, a line that says what that means or what to do. */
function Lines({ items, empty }: { items: Line[]; empty: string }) {
  if (items.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
        {empty}
      </Typography>
    );
  }
  return (
    <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {items.map((item) => (
        <Box component="li" key={item.key} sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 0.5 }}>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Link component={RouterLink} to={item.to} variant="body2">
              {item.primary}
            </Link>
            {item.secondary && (
              <Typography variant="body2" color="text.secondary">
                {item.secondary}
              </Typography>
            )}
          </Box>
          {item.action}
        </Box>
      ))}
    </Box>
  );
}

function RecruitingCards({ recruiting }: { recruiting: Recruiting }) {
  const { newApplications, stuck, interviews, overdueScorecards, offers } = recruiting;
  return (
    <>
      <Panel title="New applications" count={newApplications.total} to="/applications">
        <Lines
          empty="No new applications. Share your open jobs."
          items={newApplications.items.map((job) => ({
            key: job.jobId,
            to: `/jobs/${job.jobId}/board`,
            primary: job.jobTitle,
            secondary: `${job.count} to review, latest ${day(job.latestAt)}`,
          }))}
        />
      </Panel>
      <Panel title="Stuck in a stage" count={stuck.total} atLeast={stuck.atLeast} to="/applications">
        <Lines
          empty="Nobody is stuck."
          items={stuck.items.map((a) => ({
            key: a.applicationId,
            to: appLink(a.applicationId),
            primary: a.who,
            secondary: `${a.jobTitle} · ${a.stageName} for ${a.days} days (target ${a.targetDays})`,
          }))}
        />
      </Panel>
      <Panel title="Interviews" count={interviews.week} to="/applications">
        <Typography variant="body2" color="text.secondary">
          {interviews.today === 0 ? 'No interviews today' : `${interviews.today} today`}, {interviews.week} in
          the next 7 days
        </Typography>
        <Lines
          empty="Nothing this week. Schedule from an application."
          items={interviews.items.map((i) => ({
            key: i.interviewId,
            to: appLink(i.applicationId),
            primary: i.who,
            secondary: `${when(i.startsAt)} · ${i.jobTitle}`,
          }))}
        />
      </Panel>
      <Panel title="Scorecards overdue" count={overdueScorecards.total} to="/applications">
        <Lines
          empty="All feedback is in."
          items={overdueScorecards.items.map((s) => ({
            key: `${s.interviewId}:${s.interviewer.id}`,
            to: appLink(s.applicationId),
            primary: `${s.interviewer.name} on ${s.who}`,
            secondary: `Interview ended ${day(s.endsAt)} · ${s.jobTitle}`,
            action: (
              <NudgeButton interviewId={s.interviewId} userId={s.interviewer.id} name={s.interviewer.name} />
            ),
          }))}
        />
      </Panel>
      <Panel title="Offers" count={offers.awaitingApproval + offers.awaitingAnswer} to="/applications">
        <Typography variant="body2" color="text.secondary">
          {offers.awaitingApproval} awaiting approval, {offers.awaitingAnswer} awaiting the candidate's answer
        </Typography>
        <Lines
          empty="No offers waiting."
          items={offers.items.map((o) => ({
            key: o.offerId,
            to: appLink(o.applicationId),
            primary: o.who,
            secondary: `${o.status === 'pending_approval' ? 'Awaiting approval' : 'Sent, awaiting answer'} · ${o.jobTitle}`,
          }))}
        />
      </Panel>
    </>
  );
}

function NudgeButton({ interviewId, userId, name }: { interviewId: string; userId: string; name: string }) {
  const notify = useNotify();
  const nudge = useMutation({
    mutationFn: () => trpc.dashboard.nudge.mutate({ interviewId, userId }),
    onSuccess: ({ notified }) =>
      notify(notified > 0 ? `${name} was reminded` : `${name} was already reminded today`, { type: 'info' }),
    onError: () => notify('Could not send the reminder', { type: 'error' }),
  });
  return (
    <Button
      size="small"
      onClick={() => nudge.mutate()}
      disabled={nudge.isPending || nudge.isSuccess}
      aria-label={`${nudge.isSuccess ? 'Nudged' : 'Nudge'} ${name}`}
    >
      {nudge.isSuccess ? 'Nudged' : 'Nudge'}
    </Button>
  );
}

function ManagerPanels({ manager }: { manager: Manager }) {
  const { interviews, scorecardsOwed, awaitingDecision } = manager;
  return (
    <Section title="Your hiring">
      <Panel title="Your interviews" count={interviews.items.length} to="/applications">
        <Typography variant="body2" color="text.secondary">
          {interviews.today === 0 ? 'No interviews today' : `${interviews.today} today`}
        </Typography>
        <Lines
          empty="Nothing scheduled for you."
          items={interviews.items.map((i) => ({
            key: i.interviewId,
            to: appLink(i.applicationId),
            primary: `Prepare: ${i.who}`,
            secondary: `${when(i.startsAt)} · ${i.jobTitle}`,
          }))}
        />
      </Panel>
      <Panel title="Scorecards you owe" count={scorecardsOwed.total} to="/applications">
        <Lines
          empty="No scorecards owed."
          items={scorecardsOwed.items.map((s) => ({
            key: s.interviewId,
            to: `${appLink(s.applicationId)}?scorecard=${s.interviewId}`,
            primary: `Write scorecard: ${s.who}`,
            secondary: `Interview ended ${day(s.endsAt)} · ${s.jobTitle}`,
          }))}
        />
      </Panel>
      <Panel title="Awaiting your decision" count={awaitingDecision.total} to="/applications">
        <Lines
          empty="No candidates waiting on you."
          items={awaitingDecision.items.map((a) => ({
            key: a.applicationId,
            to: appLink(a.applicationId),
            primary: a.who,
            secondary: `${a.stageName} · ${a.jobTitle}`,
          }))}
        />
      </Panel>
    </Section>
  );
}

const SETUP: Record<Admin['setup'][number]['step'], { label: string; to: string }> = {
  branding: { label: 'Set your branding', to: '/branding' },
  privacy_notice: { label: 'Publish your privacy notice', to: '/privacy' },
  retention: { label: 'Set your retention rules', to: '/retention' },
  consent_purposes: { label: 'Choose consent purposes', to: '/privacy' },
  first_job: { label: 'Publish your first job', to: '/jobs/create' },
  your_second_factor: { label: 'Add your second factor', to: '/account' },
  team: { label: 'Invite your team', to: '/users/create' },
};

function AdminPanels({ admin }: { admin: Admin }) {
  const left = admin.setup.filter((s) => !s.done).length;
  return (
    <Section title="Your organisation">
      <Panel title="Setup checklist" to="/settings">
        <Typography variant="body2" color="text.secondary">
          {left === 0 ? 'All set up.' : `${admin.setup.length - left} of ${admin.setup.length} done`}
        </Typography>
        <Lines
          empty=""
          items={admin.setup.map((s) => ({
            key: s.step,
            to: SETUP[s.step].to,
            primary: SETUP[s.step].label,
            secondary: s.done ? 'Done' : 'To do',
          }))}
        />
      </Panel>
      <Panel title="Without a second factor" count={admin.usersWithoutSecondFactor.total} to="/users">
        <Lines
          empty="Everyone signs in with a second factor."
          items={admin.usersWithoutSecondFactor.items.map((u) => ({
            key: u.id,
            to: `/users/${u.id}/show`,
            primary: u.name,
          }))}
        />
      </Panel>
      <Panel title="Retention runs" to="/retention">
        <Lines
          empty="No runs yet. Set retention rules."
          items={admin.retentionRuns.map((r) => ({
            key: r.id,
            to: '/retention',
            primary: `${day(r.startedAt)}: ${r.finishedAt ? (r.failed > 0 ? `${r.failed} failed` : 'finished') : 'did not finish'}`,
            secondary: `${r.dryRun ? 'Dry run, would act on' : 'Acted on'} ${r.done}`,
          }))}
        />
      </Panel>
      <AuditCard audit={admin.audit} />
    </Section>
  );
}

function AuditCard({ audit }: { audit: Admin['audit'] }) {
  const queryClient = useQueryClient();
  const verify = useMutation({
    mutationFn: () => trpc.audit.verify.query(),
    onSettled: () => queryClient.invalidateQueries({ queryKey: DASHBOARD_KEY }),
  });
  const intact = verify.data ? verify.data.ok : audit.intact;
  return (
    <Panel title="Audit log integrity" to="/audit">
      <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
        {intact === null ? (
          <Typography variant="body2" color="text.secondary">
            Never checked.
          </Typography>
        ) : (
          <Typography variant="body2" sx={{ fontWeight: 600, color: intact ? 'success.dark' : 'error.main' }}>
            {intact ? 'Intact' : 'Broken: see the audit log'}
          </Typography>
        )}
        {audit.lastVerifiedAt && (
          <Typography variant="body2" color="text.secondary">
            Last checked {when(audit.lastVerifiedAt)}
          </Typography>
        )}
        <Button size="small" variant="outlined" onClick={() => verify.mutate()} disabled={verify.isPending}>
          {verify.isPending ? 'Checking…' : 'Check now'}
        </Button>
      </Stack>
    </Panel>
  );
}
