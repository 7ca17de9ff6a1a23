export * from './apply.js';
export * from './languages.js';
export * from './portal-session.js';
