export * from './consent.js';
export * from './data-categories.js';
export * from './legal-bases.js';
export * from './notice.js';
export * from './privacy-settings.js';
export * from './purposes.js';
export * from './requests.js';
export * from './holds.js';
