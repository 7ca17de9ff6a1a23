export type { InferEntity } from '@mikro-orm/core';
export { LockMode, NotFoundError, UniqueConstraintViolationException, wrap } from '@mikro-orm/core';
export * from './entities/index.js';
export * from './orm.js';
export * from './paging.js';
export * from './search.js';
export * from './password.js';
export * from './privacy.js';
export * from './seed/demo.js';
