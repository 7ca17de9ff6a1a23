export * from './databases.js';
export * from './factories.js';
export * from './for-each-database.js';
