import { Attachment, type Em, Offer, User } from '@candor/db';
import type { TDataCategory, THrExportResult } from '@candor/schemas';
import { readAttachmentBytes } from '../attachments/attachments.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { assertNotRestricted } from '../candidates/restriction.js';
import type { FileStore } from '../files/file-store.js';
import { zipArchive } from '../files/zip.js';
import { visibleApplication } from '../hiring/job-scope.js';
import { candidateKey, type DataKeys, openWith } from '../keys/data-keys.js';
import { hrExportRecipients, recordDisclosure } from '../privacy/disclosures.service.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';

/** A file name safe in any zip tool: no folders, no characters Windows refuses, no control characters. */
function entryName(name: string): string {
  const printable = [...name].map((char) => (char.charCodeAt(0) < 0x20 ? '_' : char)).join('');
  return printable.replace(/[\\/:*?"<>|]+/g, '_').slice(0, 120) || 'file';
}

/** The data categories a hire.json holds: only those with a value, so the log says no more than was sent. */
function hrExportCategories(hire: {
  candidate: { phone: string | null; location: string | null; links: string[] };
  offer: { salary: number } | null;
  files: string[];
}): TDataCategory[] {
  return [
    'user.name',
    'user.contact.email',
    'user.recruitment.application',
    ...(hire.candidate.phone ? (['user.contact.phone_number'] as const) : []),
    ...(hire.candidate.location ? (['user.contact.address'] as const) : []),
    ...(hire.candidate.links.length > 0 ? (['user.contact.url'] as const) : []),
    ...(hire.offer ? (['user.financial.salary_expectation'] as const) : []),
    ...(hire.files.length > 0 ? (['user.document.resume'] as const) : []),
  ];
}

/**
 * Hands a hire to HR: a zip with hire.json (who, which job, when, the
 * accepted offer), the candidate's files and the offer letter as they were
 * signed, opened with the candidate's key. The application records when
 * and by whom, which starts the hired-candidates retention clock: recruiting
 * data is erased a set time after HR has it, never before (see
 * docs/retention.md). A later export is allowed (HR may lose the file) and
 * moves the date on. Refused while the candidate's processing is restricted.
 */
export async function exportHireToHr(
  em: Em,
  actor: Actor,
  deps: DataKeys & { files: FileStore },
  id: string,
): Promise<THrExportResult> {
  const app = await visibleApplication(em, actor, id);
  if (app.status !== 'hired')
    throw new AppError('PRECONDITION_FAILED', 'Only a hired candidate’s record goes to HR');
  assertNotRestricted(app.candidate, 'their record cannot be handed to HR');
  const candidate = app.candidate;
  const key = await candidateKey(em, deps, { tenantId: actor.tenantId, candidateId: candidate.id });
  const [offer] = await em.find(
    Offer,
    { application: app, status: 'accepted' },
    { orderBy: { respondedAt: 'desc' }, limit: 1 },
  );
  const attachments = await em.find(Attachment, { candidate }, { orderBy: { createdAt: 'asc' } });

  const entries: Array<readonly [string, string | Uint8Array]> = [];
  const used = new Set<string>();
  const unique = (name: string) => {
    let candidateName = name;
    for (let n = 2; used.has(candidateName); n++)
      candidateName = name.replace(/(\.[^.]*)?$/, (ext) => ` (${n})${ext ?? ''}`);
    used.add(candidateName);
    return candidateName;
  };
  const files: string[] = [];
  for (const attachment of attachments) {
    const name = unique(`files/${entryName(attachment.filename)}`);
    entries.push([name, await readAttachmentBytes(em, deps, attachment)]);
    files.push(name);
  }
  if (offer?.letterKey && key) {
    const name = unique('offer-letter.pdf');
    entries.push([name, openWith(key, await deps.files.read(offer.letterKey))]);
    files.push(name);
  }
  const hire = {
    format: 'candor.hr-export.v1',
    exportedAt: new Date().toISOString(),
    candidate: {
      name: candidate.name,
      email: candidate.email,
      phone: candidate.phone ?? null,
      location: candidate.location ?? null,
      links: candidate.links,
    },
    job: { title: app.job.title, department: app.job.department, country: app.job.country },
    appliedAt: app.appliedAt.toISOString(),
    hiredAt: app.decidedAt?.toISOString() ?? null,
    offer: offer
      ? {
          salary: offer.salary,
          currency: offer.currency,
          period: offer.period,
          startDate: offer.startDate,
          terms: offer.terms,
          acceptedAt: offer.respondedAt?.toISOString() ?? null,
        }
      : null,
    files,
  };
  entries.unshift(['hire.json', `${JSON.stringify(hire, null, 2)}\n`]);

  app.hrExportedAt = new Date();
  app.hrExportedBy = em.getReference(User, actor.userId);
  // The hire leaves Candor: each HR recipient goes in the person's disclosure log, with what this zip held.
  for (const recipient of await hrExportRecipients(em, actor.tenantId)) {
    recordDisclosure(em, {
      tenantId: actor.tenantId,
      candidateId: candidate.id,
      applicationId: app.id,
      recipient,
      categories: hrExportCategories(hire),
      purpose: 'Export to HR: the hire’s record for onboarding',
      via: 'hr_export',
      userId: actor.userId,
    });
  }
  recordAudit(em, actor, {
    action: 'application.hr_export',
    targetType: 'Application',
    targetId: app.id,
    subjectId: candidate.id,
  });
  await em.flush();
  const day = app.hrExportedAt.toISOString().slice(0, 10);
  return {
    filename: `hire-${app.id.slice(0, 8)}-${day}.zip`,
    contentBase64: zipArchive(entries).toString('base64'),
  };
}
