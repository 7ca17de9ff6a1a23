export { renderTenantSite, writeTenantSite, type CareersSiteInput } from './build-site.js';
export { type TCareersJob, validThroughFor, ZCareersJob } from './careers-job.js';
export { LOCALES, type Locale, messagesFor } from './i18n/index.js';
