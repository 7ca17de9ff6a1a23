export * from './audit.js';
export * from './auth.js';
export * from './list.js';
export * from './privacy/index.js';
export * from './roles.js';
export * from './tenant.js';
export * from './user.js';
export * from './hiring/index.js';
