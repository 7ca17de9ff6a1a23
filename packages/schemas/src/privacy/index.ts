export * from './data-categories.js';
export * from './legal-bases.js';
export * from './purposes.js';
