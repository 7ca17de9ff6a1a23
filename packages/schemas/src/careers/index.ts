export * from './apply.js';
export * from './portal-session.js';
