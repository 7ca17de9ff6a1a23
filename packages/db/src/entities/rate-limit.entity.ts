import { p } from '@mikro-orm/core';
import { notPersonal } from '../privacy.js';
import { defineEntity } from './define-entity.js';

/**
 * One rate-limit counter, shared by every API instance on the database and
 * kept across restarts (apps/api/src/http/rate-limit.ts). Keys never hold an
 * address in the clear: emails are keyed hashes, networks are hashed too.
 * Rows past `expiresAt` are dead and are swept by the limiter itself.
 */
export const RateLimitCounter = defineEntity(
  {
    name: 'RateLimitCounter',
    properties: {
      key: notPersonal(p.string().length(200).primary(), 'limiter name and a hash of what it counts'),
      points: notPersonal(p.integer(), 'a count'),
      /** Epoch milliseconds: compared in SQL on both dialects without date functions. */
      expiresAt: notPersonal(p.bigint('number').index(), 'when the counter expires'),
    },
  },
  { holds: 'nobody', because: 'counts under hashed keys' },
);
