export type { AppRouter } from './router.js';
export { createApp } from './app.js';
export { buildDeps } from './build-deps.js';
