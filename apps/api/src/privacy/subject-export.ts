import {
  Attachment,
  Candidate,
  candidatePolicyOf,
  type Em,
  Membership,
  privacyPolicyOf,
  type SubjectEntity,
  subjectGraph,
  subjectWhere,
} from '@candor/db';
import { DATA_CATEGORIES, ROLE_LABELS, type TDataCategory, type TDisclosure } from '@candor/schemas';
import { readAttachmentBytes } from '../attachments/attachments.service.js';
import { reportFilesOf } from '../background-checks/background-checks.service.js';
import type { FileStore } from '../files/file-store.js';
import { zipArchive } from '../files/zip.js';
import { candidateKey, type DataKeys, openDeep } from '../keys/data-keys.js';
import { disclosuresOf } from './disclosures.service.js';
import { privacySettingsOf } from './privacy-settings.service.js';

/** Bumped on any change a reader of the export would notice; see docs/subject-export.md. */
export const SUBJECT_EXPORT_VERSION = 2;

/** Relations to records that are not about you are shown by what they are (a job by its title: its policy's `exportLabel`), never by whom. */
function exportLabelOf(target: string): string | undefined {
  const policy = privacyPolicyOf(target);
  return policy.holds === 'nobody' ? policy.exportLabel : undefined;
}

/**
 * The rows of `node` in the subject's export: theirs (subjectWhere), narrowed
 * to those sent to them when its policy says `sentTo` (an email about the
 * person to an interviewer is that recipient's mail; erasure still reaches it).
 */
export function exportWhere(
  node: SubjectEntity,
  candidateId: string,
  email: string,
): Record<string, unknown> {
  const { sentTo } = node.policy.export;
  const theirs = subjectWhere(node, candidateId, email);
  return sentTo ? { $and: [theirs, { [sentTo]: email }] } : theirs;
}

/** How the export names the staff who wrote or did something: by role, unless the tenant chose names (Privacy page). */
type StaffLabels = Map<string, { role: string; name?: string }>;

async function staffLabels(em: Em, tenantId: string, withNames: boolean): Promise<StaffLabels> {
  const members = await em.find(Membership, { tenant: tenantId }, { populate: ['user'] });
  return new Map(
    members.map((m) => [
      m.user.id,
      { role: ROLE_LABELS[m.role] ?? m.role, ...(withNames ? { name: m.user.name } : {}) },
    ]),
  );
}

type Json = null | string | number | boolean | Json[] | { [key: string]: Json };

export interface SubjectExportRecord {
  id: string;
  /** Personal values, by property; `categories` says what each one is. */
  values: Record<string, Json>;
  categories: Record<string, TDataCategory>;
  /** Dates, states and ids that give the values their meaning. */
  context: Record<string, Json>;
  related: Record<string, Json>;
}

export interface SubjectExport {
  format: 'candor.subject-export';
  version: number;
  generatedAt: string;
  controller: { name: string; contact: string };
  subject: { candidateId: string };
  categories: Record<string, string>;
  sources: Record<string, string>;
  records: Record<string, SubjectExportRecord[]>;
  files: Array<{ attachmentId: string; path: string; contentType: string }>;
  /** Everyone outside Candor who received the person's data (Art. 15(1)(c)), from the disclosure log. */
  recipients: Array<
    Pick<TDisclosure, 'recipient' | 'purpose' | 'via' | 'disclosedAt'> & { categories: string[] }
  >;
  /** What this copy leaves out, and where the subject finds it (a copy staff download for the subject). */
  omitted?: Record<string, string>;
}

/**
 * Who the export is for. The subject gets everything. Staff answering an
 * access request by email get it without the diversity survey's answers,
 * which no one at the company may read; the subject finds those in the
 * export they download from the privacy portal.
 */
export type ExportAudience = 'subject' | 'staff';

function toJson(value: unknown): Json {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  // Bytes (a resume received and not filed yet) are described; the filed copy is in files/.
  if (value instanceof Uint8Array) return { bytes: value.byteLength };
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    const ref = value as { id?: unknown };
    if ('id' in ref && typeof ref.id === 'string') return ref.id;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  }
  return value as Json;
}

async function recordsOf(
  em: Em,
  node: SubjectEntity,
  where: Record<string, unknown>,
  key: Buffer | null,
  staff: StaffLabels,
  keys: DataKeys & { tenantId: string },
): Promise<SubjectExportRecord[]> {
  const labelled = node.relations.filter((r) => exportLabelOf(r.target) !== undefined);
  const rows = (await em.find(node.entity, where, {
    populate: labelled.map((r) => r.property) as never[],
    orderBy: { id: 'asc' },
  })) as Array<Record<string, unknown>>;
  const { sealedUnder } = node.policy;
  const keyOf = async (row: Record<string, unknown>) =>
    sealedUnder
      ? candidateKey(em, keys, { tenantId: keys.tenantId, candidateId: String(row[sealedUnder]) })
      : key;
  const opened = await Promise.all(rows.map(async (row) => ({ row, key: await keyOf(row) })));
  return opened.map(({ row, key }) => ({
    id: String(row.id),
    // Sealed values (notes, answers, cover letters) are opened: the export is what we know, readable.
    values: Object.fromEntries(
      node.personal.map(({ property }) => [property, openDeep(key, toJson(row[property]))]),
    ),
    categories: Object.fromEntries(node.personal.map(({ property, category }) => [property, category])),
    context: Object.fromEntries(node.context.filter((p) => p !== 'id').map((p) => [p, toJson(row[p])])),
    related: Object.fromEntries(
      node.relations.flatMap(({ property, target }) => {
        const ref = row[property] as Record<string, unknown> | null | undefined;
        if (!ref) return [];
        const label = exportLabelOf(target);
        // Staff are named by role (who wrote a scorecard matters, not their account); a former member is just "staff".
        if (privacyPolicyOf(target).holds === 'staff')
          return [[property, staff.get(String(ref.id)) ?? { role: 'Staff' }]];
        if (!label) return [[property, toJson(ref)]];
        return [[property, { id: String(ref.id), [label]: toJson(ref[label]) }]];
      }),
    ),
  }));
}

/**
 * Everything the tenant holds about one candidate, assembled by walking the
 * subject graph (every entity related to the candidate, every property
 * declared personal), not from a list kept by hand. `em` must be scoped to
 * the candidate's tenant. Values stored sealed are opened with the candidate's key.
 */
export async function subjectExport(
  em: Em,
  candidateId: string,
  keys: DataKeys,
  audience: ExportAudience = 'subject',
): Promise<SubjectExport> {
  const candidate = await em.findOneOrFail(Candidate, candidateId, { populate: ['tenant'] });
  const tenant = candidate.tenant as unknown as { id: string; name: string };
  const key = await candidateKey(em, keys, { tenantId: tenant.id, candidateId });
  const settings = await privacySettingsOf(em, tenant.id);
  const records: Record<string, SubjectExportRecord[]> = {};
  const used = new Set<TDataCategory>();
  const omitted: Record<string, string> = {};
  const staff = await staffLabels(em, tenant.id, settings.exportStaffNames);
  for (const node of [...subjectGraph(em)].reverse()) {
    const { export: exported } = node.policy;
    // Only the subject's own copy has it (the diversity survey's answers, which no one at the company may read).
    if (audience === 'staff' && exported.copies === 'subject-only') {
      omitted[node.entity] = exported.staffCopyNote;
      continue;
    }
    const rows = await recordsOf(em, node, exportWhere(node, candidateId, candidate.email), key, staff, {
      ...keys,
      tenantId: tenant.id,
    });
    if (rows.length === 0) continue;
    records[node.entity] = rows;
    for (const { category } of node.personal) used.add(category);
  }
  const attachments = await em.find(
    Attachment,
    { candidate: candidateId },
    { orderBy: { createdAt: 'asc' } },
  );
  return {
    format: 'candor.subject-export',
    version: SUBJECT_EXPORT_VERSION,
    generatedAt: new Date().toISOString(),
    controller: { name: tenant.name, contact: settings.contactEmail },
    subject: { candidateId },
    categories: Object.fromEntries([...used].sort().map((c) => [c, DATA_CATEGORIES[c].label])),
    sources: Object.fromEntries(
      Object.keys(records).map((entity) => [entity, candidatePolicyOf(entity).source]),
    ),
    records,
    files: attachments.map((a) => ({ attachmentId: a.id, path: filePath(a), contentType: a.contentType })),
    recipients: (await disclosuresOf(em, candidateId)).map((d) => ({
      recipient: d.recipient,
      categories: d.categories.map((c) => c.label),
      purpose: d.purpose,
      via: d.via,
      disclosedAt: d.disclosedAt,
    })),
    ...(audience === 'staff' ? { omitted } : {}),
  };
}

function filePath(a: { id: string; filename: string }): string {
  // Only the id makes the name unique; the original name is kept readable but cannot climb out of the folder.
  return `files/${a.id}-${a.filename.replace(/[/\\\0]/g, '_')}`;
}

/** The export as one zip: `data.json` (see docs/subject-export.md) and the original files, opened with the candidate's key. */
export async function buildSubjectExportZip(
  em: Em,
  deps: DataKeys & { files: FileStore },
  candidateId: string,
  audience: ExportAudience,
): Promise<Uint8Array> {
  return (await buildSubjectExport(em, deps, candidateId, audience)).zip;
}

/** The zip and the categories of data it holds (what a disclosure of it to an agent records). */
export async function buildSubjectExport(
  em: Em,
  deps: DataKeys & { files: FileStore },
  candidateId: string,
  audience: ExportAudience,
): Promise<{ zip: Uint8Array; categories: TDataCategory[] }> {
  const data = await subjectExport(em, candidateId, deps, audience);
  const attachments = await em.find(
    Attachment,
    { candidate: candidateId },
    { orderBy: { createdAt: 'asc' } },
  );
  const entries: Array<[string, string | Uint8Array]> = [['data.json', `${JSON.stringify(data, null, 2)}\n`]];
  for (const a of attachments) entries.push([filePath(a), await readAttachmentBytes(em, deps, a)]);
  // Background-check reports: the person's own criminal-record data comes back to them with the rest.
  entries.push(...(await reportFilesOf(em, deps, candidateId)));
  return { zip: zipArchive(entries), categories: Object.keys(data.categories) as TDataCategory[] };
}
