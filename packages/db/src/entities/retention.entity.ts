import type { TRetentionCounts, TRetentionOverride, TRetentionRule } from '@candor/schemas';
import { p } from '@mikro-orm/core';
import { notPersonal } from '../privacy.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';
import { User } from './user.entity.js';

/**
 * One saved version of a tenant's retention policy. Versions are only ever
 * added: the highest is in force, the earlier ones say what applied when.
 * A tenant without any runs the built-in defaults.
 */
export const RetentionPolicyVersion = defineEntity(
  {
    name: 'RetentionPolicyVersion',
    uniques: [{ properties: ['tenant', 'version'] }],
    filters: tenantFilter,
    properties: {
      id: notPersonal(
        p
          .uuid()
          .primary()
          .onCreate(() => newId()),
        'random identifier',
      ),
      tenant: () => p.manyToOne(Tenant),
      version: notPersonal(p.integer(), 'version number'),
      rules: notPersonal(p.json<TRetentionRule[]>(), 'retention rules: periods and actions'),
      overrides: notPersonal(p.json<TRetentionOverride[]>(), 'per-country retention periods'),
      createdBy: () => p.manyToOne(User).nullable(),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  { holds: 'nobody', because: "a company's retention rules" },
);

/**
 * One retention sweep of one tenant, by one worker: what it found and did.
 * Counters are written after every batch, so a run cut short still shows how
 * far it got (its finishedAt stays null).
 */
export const RetentionRun = defineEntity(
  {
    name: 'RetentionRun',
    indexes: [{ properties: ['tenant', 'startedAt'] }],
    filters: tenantFilter,
    properties: {
      id: notPersonal(
        p
          .uuid()
          .primary()
          .onCreate(() => newId()),
        'random identifier',
      ),
      tenant: () => p.manyToOne(Tenant),
      workerId: notPersonal(p.string().length(80), 'host and process id of the worker'),
      policyVersion: notPersonal(p.integer(), 'version number'),
      dryRun: notPersonal(p.boolean(), 'run mode'),
      startedAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
      finishedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      found: notPersonal(p.integer().default(0), 'a count'),
      done: notPersonal(p.integer().default(0), 'a count'),
      skippedHold: notPersonal(p.integer().default(0), 'a count'),
      failed: notPersonal(p.integer().default(0), 'a count'),
      rules: notPersonal(p.json<Record<string, TRetentionCounts>>(), 'counts per rule id'),
    },
  },
  { holds: 'nobody', because: 'counts of what a retention sweep did' },
);
