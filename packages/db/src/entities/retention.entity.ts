import type { TRetentionCounts, TRetentionOverride, TRetentionRule } from '@candor/schemas';
import { p } from '@mikro-orm/core';
import { defineEntity } from './define-entity.js';
import { notPersonal } from '../privacy.js';
import { newId } from './ids.js';
import { tenantFilter } from './tenant-filter.js';
import { Tenant } from './tenant.entity.js';
import { User } from './user.entity.js';

/**
 * One saved version of a tenant's retention policy. Versions are only ever
 * added: the highest is in force, the earlier ones say what applied when.
 * A tenant without any runs the built-in defaults.
 */
export const RetentionPolicyVersion = defineEntity({
  name: 'RetentionPolicyVersion',
  uniques: [{ properties: ['tenant', 'version'] }],
  filters: tenantFilter,
  properties: {
    id: p.uuid().primary().onCreate(() => newId()),
    tenant: () => p.manyToOne(Tenant),
    version: p.integer(),
    rules: notPersonal(p.json<TRetentionRule[]>(), 'retention rules: periods and actions'),
    overrides: notPersonal(p.json<TRetentionOverride[]>(), 'per-country retention periods'),
    createdBy: () => p.manyToOne(User).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
}, { holds: 'nobody', because: "a company's retention rules" });

/**
 * One retention sweep of one tenant, by one worker: what it found and did.
 * Counters are written after every batch, so a run cut short still shows how
 * far it got (its finishedAt stays null).
 */
export const RetentionRun = defineEntity({
  name: 'RetentionRun',
  indexes: [{ properties: ['tenant', 'startedAt'] }],
  filters: tenantFilter,
  properties: {
    id: p.uuid().primary().onCreate(() => newId()),
    tenant: () => p.manyToOne(Tenant),
    workerId: notPersonal(p.string().length(80), 'host and process id of the worker'),
    policyVersion: p.integer(),
    dryRun: p.boolean(),
    startedAt: p.datetime().onCreate(() => new Date()),
    finishedAt: p.datetime().nullable(),
    found: p.integer().default(0),
    done: p.integer().default(0),
    skippedHold: p.integer().default(0),
    failed: p.integer().default(0),
    rules: notPersonal(p.json<Record<string, TRetentionCounts>>(), 'counts per rule id'),
  },
}, { holds: 'nobody', because: 'counts of what a retention sweep did' });
