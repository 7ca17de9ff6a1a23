/** The names other code sends (keep them in one place). */
export const JOB_NAMES = {
  careersRepublish: 'careers.republish',
  careersPublishTenant: 'careers.publish-tenant',
  requestDeadlineDigests: 'privacy.deadline-digests',
  consentRenewals: 'consent.renewal-requests',
  sourcedNotices: 'privacy.sourced-notices',
  noticeMailings: 'privacy.notice-mailings',
  mailDispatch: 'mail.dispatch',
  retentionSweep: 'retention.sweep',
  notificationChecks: 'notifications.checks',
  documentIndex: 'search.index-documents',
  webhookDelivery: 'webhooks.deliver',
  webhookLogPrune: 'webhooks.prune-log',
  applicationFiling: 'careers.file-applications',
  reportsRecount: 'reports.recount',
  reportsWarmDefault: 'reports.warm-default',
  repliesImap: 'replies.imap',
} as const;
