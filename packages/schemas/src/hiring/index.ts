export * from './application.js';
export * from './candidate.js';
export * from './job.js';
export * from './settings.js';
export * from './interview.js';
export * from './email-templates.js';
export * from './attachment.js';
export * from './offer.js';
