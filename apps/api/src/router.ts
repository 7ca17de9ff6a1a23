import { apiKeysRouter } from './api-keys/api-keys.router.js';
import { applicationsRouter } from './applications/applications.router.js';
import { assessmentsRouter } from './assessments/assessments.router.js';
import { attachmentsRouter } from './attachments/attachments.router.js';
import { auditRouter } from './audit/audit.router.js';
import { authRouter } from './auth/auth.router.js';
import { passkeysRouter } from './auth/passkeys/passkeys.router.js';
import { twoFactorRouter } from './auth/second-factor/two-factor.router.js';
import { signInRulesRouter } from './auth/sign-in-rules/sign-in-rules.router.js';
import { backgroundChecksRouter } from './background-checks/background-checks.router.js';
import { backgroundJobsRouter } from './background-jobs/background-jobs.router.js';
import { calendarRouter } from './calendar/calendar.router.js';
import { schedulingRouter } from './calendar/scheduling.router.js';
import { candidatesRouter } from './candidates/candidates.router.js';
import { dashboardRouter } from './dashboard/dashboard.router.js';
import { diversityRouter } from './diversity/diversity.router.js';
import { interviewsRouter } from './interviews/interviews.router.js';
import { jobsRouter } from './jobs/jobs.router.js';
import { outboxRouter } from './mail/outbox.router.js';
import { composeRouter } from './messages/compose.router.js';
import { threadsRouter } from './messages/thread.router.js';
import { notificationsRouter } from './notifications/notifications.router.js';
import { offersRouter } from './offers/offers.router.js';
import { holdsRouter } from './privacy/holds.router.js';
import { privacyRouter } from './privacy/privacy.router.js';
import { requestsRouter } from './privacy/requests/requests.router.js';
import { referencesRouter } from './references/references.router.js';
import { reportsRouter } from './reports/reports.router.js';
import { retentionRouter } from './retention/retention.router.js';
import { searchRouter } from './search/search.router.js';
import { settingsRouter } from './settings/settings.router.js';
import { talentPoolRouter } from './talent-pool/talent-pool.router.js';
import { router } from './trpc/init.js';
import { usersRouter } from './users/users.router.js';
import { webhooksRouter } from './webhooks/webhooks.router.js';

export const appRouter = router({
  auth: authRouter,
  twoFactor: twoFactorRouter,
  passkeys: passkeysRouter,
  signInRules: signInRulesRouter,
  users: usersRouter,
  audit: auditRouter,
  settings: settingsRouter,
  jobs: jobsRouter,
  candidates: candidatesRouter,
  talentPool: talentPoolRouter,
  applications: applicationsRouter,
  interviews: interviewsRouter,
  calendar: calendarRouter,
  scheduling: schedulingRouter,
  attachments: attachmentsRouter,
  offers: offersRouter,
  references: referencesRouter,
  assessments: assessmentsRouter,
  backgroundChecks: backgroundChecksRouter,
  backgroundJobs: backgroundJobsRouter,
  outbox: outboxRouter,
  threads: threadsRouter,
  messages: composeRouter,
  privacy: privacyRouter,
  requests: requestsRouter,
  holds: holdsRouter,
  retention: retentionRouter,
  diversity: diversityRouter,
  reports: reportsRouter,
  notifications: notificationsRouter,
  dashboard: dashboardRouter,
  search: searchRouter,
  apiKeys: apiKeysRouter,
  webhooks: webhooksRouter,
});

export type AppRouter = typeof appRouter;
