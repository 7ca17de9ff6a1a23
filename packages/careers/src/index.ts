export { type CareersSiteInput, renderTenantSite, siteFiles, writeTenantSite } from './build-site.js';
export { type TCareersJob, type TCareersJobInput, validThroughFor, ZCareersJob } from './careers-job.js';
export { type Locale, type Messages, messagesFor, TRANSLATIONS } from './i18n/index.js';
export { type ApplyOutcome, type OutcomeJob, renderApplyOutcomePage } from './pages/apply-outcome.js';
export type { TenantApplyConfig } from './pages/apply-page.js';
export {
  type PortalCodeError,
  type PortalConsent,
  type PortalContact,
  type PortalData,
  type PortalDone,
  type PortalView,
  renderPortalPage,
} from './pages/portal-page.js';
export { type RenewalView, renderRenewalPage } from './pages/renewal-page.js';
export { renderSchedulePage, type ScheduleView } from './pages/schedule-page.js';
export { renderSurveyPage, type SurveyView } from './pages/survey-page.js';
export { renderUnsubscribePage, type UnsubscribeView } from './pages/unsubscribe-page.js';
export { type ReceiptChoice, receiptChoiceOf, receiptChoiceText } from './receipt.js';
