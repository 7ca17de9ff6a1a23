export { renderTenantSite, writeTenantSite, type CareersSiteInput } from './build-site.js';
export { LOCALES, type Locale, messagesFor } from './i18n/index.js';
