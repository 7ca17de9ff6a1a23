import { Application, Disclosure, type Em, type InferEntity, User } from '@candor/db';
import {
  DATA_CATEGORIES,
  type TDataCategory,
  type TDisclosure,
  type TDisclosureLog,
  type TDisclosureVia,
  type TRecipient,
  type TRecipientKind,
  type ZDisclosureRecordInput,
} from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { visibleCandidate } from '../candidates/candidates.service.js';
import { assertNotRestricted } from '../candidates/restriction.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';
import { privacySettingsOf } from './privacy-settings.service.js';

/**
 * The disclosure log (see the Disclosure entity): the one place that writes
 * and reads who received a candidate's data. Every path by which data leaves
 * Candor for someone other than the candidate calls `recordDisclosure` in
 * the same transaction as the release, so the log cannot miss one that
 * happened nor list one that did not.
 */

type DisclosureRow = InferEntity<typeof Disclosure>;

export interface DisclosureRecipient {
  name: string;
  kind: TRecipientKind;
  country: string | null;
  safeguard: string | null;
  notifyEmail: string | null;
}

export interface NewDisclosure {
  tenantId: string;
  candidateId: string;
  applicationId?: string | null;
  recipient: DisclosureRecipient;
  categories: readonly TDataCategory[];
  purpose: string;
  via: TDisclosureVia;
  /** The staff member who released the data, if one did. */
  userId: string | null;
}

export function recordDisclosure(em: Em, entry: NewDisclosure): void {
  em.create(Disclosure, {
    tenant: entry.tenantId,
    candidate: entry.candidateId,
    application: entry.applicationId ?? null,
    recipientName: entry.recipient.name,
    recipientKind: entry.recipient.kind,
    recipientCountry: entry.recipient.country,
    safeguard: entry.recipient.safeguard,
    notifyEmail: entry.recipient.notifyEmail || null,
    categories: [...new Set(entry.categories)].sort(),
    purpose: entry.purpose,
    via: entry.via,
    disclosedBy: entry.userId ? em.getReference(User, entry.userId) : null,
  });
}

function fromSettings(recipient: TRecipient): DisclosureRecipient {
  return {
    name: recipient.name,
    kind: recipient.role,
    country: recipient.country,
    safeguard: recipient.safeguard,
    notifyEmail: recipient.notifyEmail || null,
  };
}

/**
 * Who receives an Export to HR: the recipients the Privacy page marks as the
 * HR system, or, when none is, the company's own HR department (a recipient
 * all the same, without an address for notices).
 */
export async function hrExportRecipients(em: Em, tenantId: string): Promise<DisclosureRecipient[]> {
  const settings = await privacySettingsOf(em, tenantId);
  const marked = settings.recipients.filter((r) => r.hrExport).map(fromSettings);
  return marked.length > 0
    ? marked
    : [
        {
          name: 'HR department (internal)',
          kind: 'internal',
          country: null,
          safeguard: null,
          notifyEmail: null,
        },
      ];
}

/**
 * The recipient behind an API key: the Privacy page's recipient of the key's
 * name when there is one (its country and safeguard then go into the log),
 * otherwise the company's own system, named after the key.
 */
export async function apiKeyRecipient(
  em: Em,
  tenantId: string,
  keyName: string,
): Promise<DisclosureRecipient> {
  const settings = await privacySettingsOf(em, tenantId);
  const listed = settings.recipients.find((r) => r.name.toLowerCase() === keyName.toLowerCase());
  return listed
    ? fromSettings(listed)
    : { name: keyName, kind: 'internal', country: null, safeguard: null, notifyEmail: null };
}

/** Staff record that they gave a candidate's data to one of the Privacy page's recipients (a background check, say). */
export async function recordManualDisclosure(
  em: Em,
  actor: Actor,
  input: z.output<typeof ZDisclosureRecordInput>,
): Promise<TDisclosure> {
  const candidate = await visibleCandidate(em, actor, input.candidateId);
  assertNotRestricted(candidate, 'their data cannot be disclosed', 'candidateId');
  const settings = await privacySettingsOf(em, actor.tenantId);
  const recipient = settings.recipients.find((r) => r.name === input.recipient);
  if (!recipient) {
    throw new AppError(
      'BAD_REQUEST',
      'Add the recipient on the Privacy page first: only listed recipients may receive data',
      {
        recipient: ['Not a recipient on the Privacy page'],
      },
    );
  }
  if (input.applicationId && !(await em.findOne(Application, { id: input.applicationId, candidate }))) {
    throw new AppError('BAD_REQUEST', 'That application is not this candidate’s', {
      applicationId: ['Not this candidate’s'],
    });
  }
  recordDisclosure(em, {
    tenantId: actor.tenantId,
    candidateId: candidate.id,
    applicationId: input.applicationId,
    recipient: fromSettings(recipient),
    categories: input.categories,
    purpose: input.purpose || recipient.purpose,
    via: 'manual',
    userId: actor.userId,
  });
  recordAudit(em, actor, {
    action: 'candidate.disclosure',
    targetType: 'Candidate',
    targetId: candidate.id,
    subjectId: candidate.id,
  });
  await em.flush();
  const [latest] = await disclosuresOf(em, candidate.id);
  return latest as TDisclosure;
}

function toDisclosure(row: DisclosureRow): TDisclosure {
  return {
    id: row.id,
    applicationId: row.application?.id ?? null,
    recipient: {
      name: row.recipientName,
      kind: row.recipientKind as TRecipientKind,
      country: row.recipientCountry ?? null,
      safeguard: row.safeguard ?? null,
    },
    categories: row.categories.map((key) => ({ key, label: DATA_CATEGORIES[key]?.label ?? key })),
    purpose: row.purpose,
    via: row.via as TDisclosureVia,
    disclosedAt: row.disclosedAt.toISOString(),
  };
}

/** A candidate's log, newest first: for the candidate page, the portal and Art. 19 notices. */
export async function disclosuresOf(em: Em, candidateId: string): Promise<TDisclosure[]> {
  const rows = await em.find(
    Disclosure,
    { candidate: candidateId },
    { orderBy: { disclosedAt: 'desc', id: 'desc' } },
  );
  return rows.map(toDisclosure);
}

/** The candidate page's view of the log (recruiters and admins), with the recipients a disclosure may be recorded to. */
export async function candidateDisclosures(
  em: Em,
  actor: Actor,
  candidateId: string,
): Promise<TDisclosureLog> {
  const candidate = await visibleCandidate(em, actor, candidateId);
  const settings = await privacySettingsOf(em, actor.tenantId);
  return {
    entries: await disclosuresOf(em, candidate.id),
    recipients: settings.recipients.map((r) => ({ name: r.name, purpose: r.purpose })),
  };
}

/** One recipient as the person's log knows it: what it received in all, and since when. */
export interface RecipientOfSubject {
  name: string;
  notifyEmail: string | null;
  categories: TDataCategory[];
  firstDisclosedAt: Date;
  references: string[];
}

/**
 * The recipients that hold a person's data, by name, each with every
 * category it received. The Privacy page's current notice address wins
 * over the one recorded at the time (addresses change; the recipient does not).
 */
export async function recipientsOfSubject(
  em: Em,
  tenantId: string,
  candidateId: string,
): Promise<RecipientOfSubject[]> {
  const rows = await em.find(
    Disclosure,
    { candidate: candidateId },
    { orderBy: { disclosedAt: 'asc', id: 'asc' } },
  );
  const current = new Map(
    (await privacySettingsOf(em, tenantId)).recipients.map((r) => [r.name, r.notifyEmail || null]),
  );
  const byName = new Map<string, RecipientOfSubject>();
  for (const row of rows) {
    const known = byName.get(row.recipientName);
    const notifyEmail = current.has(row.recipientName)
      ? (current.get(row.recipientName) ?? null)
      : (row.notifyEmail ?? null);
    if (!known) {
      byName.set(row.recipientName, {
        name: row.recipientName,
        notifyEmail,
        categories: [...row.categories],
        firstDisclosedAt: row.disclosedAt,
        references: [disclosureReference(row.id)],
      });
      continue;
    }
    known.categories = [...new Set([...known.categories, ...row.categories])].sort();
    known.references.push(disclosureReference(row.id));
  }
  return [...byName.values()];
}

/** How a recipient finds a disclosure in its own records when the notice cannot name the person. */
export function disclosureReference(id: string): string {
  return `D-${id.slice(0, 8).toUpperCase()}`;
}
