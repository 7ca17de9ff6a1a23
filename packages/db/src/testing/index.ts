export { BENCH_PASSWORD } from '../seed/bulk.js';
export * from './databases.js';
export * from './factories.js';
export * from './for-each-database.js';
