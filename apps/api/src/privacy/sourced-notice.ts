import {
  Application,
  Attachment,
  Candidate,
  type Em,
  type InferEntity,
  type Orm,
  TENANT_FILTER,
  Tenant,
} from '@candor/db';
import {
  needsSourcedNotice,
  SOURCES_NEEDING_NOTICE,
  sourcedNoticeDueOn,
  type TLocale,
  type TSourcedNotice,
  type TSourcedNoticeSendResult,
} from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import { renderEmail } from '../mail/email-templates.service.js';
import { enqueueEmail } from '../mail/outbox.js';
import { ERASED_EMAIL_SUFFIX } from '../retention/find-due.js';
import type { Actor } from '../trpc/init.js';
import { privacySettingsOf } from './privacy-settings.service.js';

/**
 * GDPR Art. 14 for people added by staff (sourced, referred, imported): an
 * email saying what Candor holds, where it came from, why, and how to use
 * their rights (the privacy portal in every candidate email's footer).
 * Sent when they are added (the default), or from the queue by hand; in
 * either case before the first message a recruiter writes them, and by
 * Candor itself on the last day of the month if nobody did.
 */

type CandidateRow = InferEntity<typeof Candidate>;
type TenantRow = InferEntity<typeof Tenant>;
type NoticeSource = (typeof SOURCES_NEEDING_NOTICE)[number];

/** Where the details came from, in the candidate's language. */
const SOURCE_WORDS: Record<TLocale, Record<NoticeSource, string>> = {
  en: {
    sourced: 'our recruiters found your public professional profile',
    referral: 'someone who knows you recommended you to us',
    imported: 'our earlier recruiting records',
  },
  de: {
    sourced: 'unser Recruiting-Team hat Ihr öffentliches berufliches Profil gefunden',
    referral: 'eine Person, die Sie kennt, hat Sie uns empfohlen',
    imported: 'unsere früheren Recruiting-Unterlagen',
  },
  fr: {
    sourced: 'nos recruteurs ont trouvé votre profil professionnel public',
    referral: 'une personne qui vous connaît nous a recommandé votre profil',
    imported: 'nos anciens dossiers de recrutement',
  },
  es: {
    sourced: 'nuestro equipo de selección encontró su perfil profesional público',
    referral: 'una persona que le conoce nos recomendó su perfil',
    imported: 'nuestros registros de selección anteriores',
  },
};

/** What is held, by kind, in the candidate's language. */
const HELD_WORDS: Record<
  TLocale,
  {
    name: string;
    email: string;
    phone: string;
    location: string;
    links: string;
    documents: string;
    roles: (titles: string) => string;
  }
> = {
  en: {
    name: 'your name',
    email: 'email address',
    phone: 'phone number',
    location: 'location',
    links: 'links to your online profiles',
    documents: 'documents such as your CV',
    roles: (titles) => `the roles we are considering you for (${titles})`,
  },
  de: {
    name: 'Ihr Name',
    email: 'E-Mail-Adresse',
    phone: 'Telefonnummer',
    location: 'Wohnort',
    links: 'Links zu Ihren Online-Profilen',
    documents: 'Dokumente wie Ihr Lebenslauf',
    roles: (titles) => `die Stellen, für die wir Sie in Betracht ziehen (${titles})`,
  },
  fr: {
    name: 'votre nom',
    email: 'adresse e-mail',
    phone: 'numéro de téléphone',
    location: 'lieu de résidence',
    links: 'liens vers vos profils en ligne',
    documents: 'documents tels que votre CV',
    roles: (titles) => `les postes pour lesquels nous vous considérons (${titles})`,
  },
  es: {
    name: 'su nombre',
    email: 'dirección de correo electrónico',
    phone: 'número de teléfono',
    location: 'ubicación',
    links: 'enlaces a sus perfiles en línea',
    documents: 'documentos como su CV',
    roles: (titles) => `los puestos para los que le tenemos en cuenta (${titles})`,
  },
};

/** Whether the candidate still has to be told (a restricted or erased candidate cannot be written to). */
function owesNotice(candidate: CandidateRow): boolean {
  return needsSourcedNotice(candidate.source) && !candidate.sourcedNoticeSentAt;
}

function canWriteTo(candidate: CandidateRow): boolean {
  return !candidate.restrictedAt && !candidate.email.endsWith(ERASED_EMAIL_SUFFIX);
}

/** The candidate's notice clock, as the backoffice shows it; null for applicants. */
export function sourcedNoticeOf(candidate: CandidateRow): TSourcedNotice | null {
  if (!needsSourcedNotice(candidate.source)) return null;
  return {
    sentAt: candidate.sourcedNoticeSentAt?.toISOString() ?? null,
    dueOn: sourcedNoticeDueOn(candidate.createdAt),
  };
}

/** Candidates added by staff who have not been told yet (the queue's filter). */
export function notToldFilter() {
  return {
    source: { $in: [...SOURCES_NEEDING_NOTICE] },
    sourcedNoticeSentAt: null,
    $not: { email: { $like: `%${ERASED_EMAIL_SUFFIX}` } },
  };
}

async function heldList(em: Em, candidate: CandidateRow, locale: TLocale): Promise<string> {
  const words = HELD_WORDS[locale];
  const [documents, applications] = await Promise.all([
    em.count(Attachment, { candidate }),
    em.find(
      Application,
      { candidate },
      { populate: ['job'], fields: ['job.title'], orderBy: { appliedAt: 'asc' } },
    ),
  ]);
  const held = [words.name, words.email];
  if (candidate.phone) held.push(words.phone);
  if (candidate.location) held.push(words.location);
  if (candidate.links.length) held.push(words.links);
  if (documents > 0) held.push(words.documents);
  const titles = [...new Set(applications.map((a) => a.job.title))];
  if (titles.length) held.push(words.roles(titles.join(', ')));
  return held.join('; ');
}

/**
 * Queues the notice for one candidate in the caller's transaction and marks
 * them told. Nothing when they were told already, came through the careers
 * site, or cannot be written to (restricted: Art. 18; erased).
 */
export async function queueSourcedNotice(
  em: Em,
  tenant: TenantRow,
  candidate: CandidateRow,
  publicUrl: string,
  actor: Actor | null,
): Promise<boolean> {
  if (!owesNotice(candidate) || !canWriteTo(candidate)) return false;
  // Claimed before it is queued: of two instances (or a recruiter and the deadline round), one sends it.
  const at = new Date();
  const claimed = await em.nativeUpdate(
    Candidate,
    { id: candidate.id, sourcedNoticeSentAt: null },
    { sourcedNoticeSentAt: at },
  );
  if (claimed !== 1) return false;
  candidate.sourcedNoticeSentAt = at;
  const locale: TLocale = candidate.locale;
  const message = renderEmail(
    tenant,
    'sourced_notice',
    {
      candidate_name: candidate.name,
      data_source: SOURCE_WORDS[locale][candidate.source as NoticeSource],
      data_held: await heldList(em, candidate, locale),
      notice_link: `${publicUrl}/careers/${tenant.slug}/privacy/`,
    },
    publicUrl,
    locale,
  );
  enqueueEmail(em, { tenantId: tenant.id, to: candidate.email, candidateId: candidate.id, ...message });
  if (actor)
    recordAudit(em, actor, {
      action: 'candidate.sourced_notice',
      targetType: 'Candidate',
      targetId: candidate.id,
      subjectId: candidate.id,
    });
  return true;
}

/** A candidate just added by staff: told now when the tenant sends notices as people are added. */
export async function noticeOnAdding(em: Em, actor: Actor, candidate: CandidateRow, publicUrl: string) {
  if (!owesNotice(candidate)) return;
  if ((await privacySettingsOf(em, actor.tenantId)).sourcedNotice !== 'when_added') return;
  await queueSourcedNotice(em, await em.findOneOrFail(Tenant, actor.tenantId), candidate, publicUrl, actor);
}

/** Before the first message a recruiter writes: told first, whatever the tenant's choice (Art. 14(3)(b)). */
export async function noticeBeforeContact(em: Em, actor: Actor, candidate: CandidateRow, publicUrl: string) {
  if (!owesNotice(candidate)) return;
  await queueSourcedNotice(em, await em.findOneOrFail(Tenant, actor.tenantId), candidate, publicUrl, actor);
}

/** "Send the privacy notice" from the queue or the candidate page. */
export async function sendSourcedNotices(
  em: Em,
  actor: Actor,
  publicUrl: string,
  ids: string[],
): Promise<TSourcedNoticeSendResult> {
  return em.transactional(async (tx) => {
    const tenant = await tx.findOneOrFail(Tenant, actor.tenantId);
    const candidates = await tx.find(Candidate, { id: { $in: ids } });
    let sent = 0;
    for (const candidate of candidates) {
      if (await queueSourcedNotice(tx, tenant, candidate, publicUrl, actor)) sent += 1;
    }
    await tx.flush();
    return { sent, skipped: ids.length - sent };
  });
}

/** Notices the round sends itself: due within a day, or overdue by at most this many days (the server may have been down). */
const CATCH_UP_DAYS = 3;

/**
 * The daily deadline round, across tenants: whoever is still owed a notice
 * on the day before it falls due is told by Candor itself. Notices overdue
 * for longer (people added before Candor sent them) are left to staff in
 * the queue, marked overdue: a sudden email to every old contact is for a
 * person to decide.
 */
export async function sendDueSourcedNotices(orm: Orm, publicUrl: string, now = new Date()): Promise<number> {
  const day = 86_400_000;
  // Due on or before tomorrow means added on or before one month before tomorrow; a month is at most 31 days.
  const latestAdded = new Date(now.getTime() + day - 28 * day);
  const earliestAdded = new Date(now.getTime() - CATCH_UP_DAYS * day - 31 * day);
  const tomorrow = new Date(now.getTime() + day).toISOString().slice(0, 10);
  const earliestDue = new Date(now.getTime() - CATCH_UP_DAYS * day).toISOString().slice(0, 10);
  const owed = await orm.em
    .fork()
    .find(
      Candidate,
      { ...notToldFilter(), restrictedAt: null, createdAt: { $gte: earliestAdded, $lte: latestAdded } },
      { filters: false, fields: ['id', 'tenant', 'createdAt'] },
    );
  let sent = 0;
  for (const row of owed) {
    const due = sourcedNoticeDueOn(row.createdAt);
    if (due > tomorrow || due < earliestDue) continue;
    const em = orm.em.fork();
    em.setFilterParams(TENANT_FILTER, { tenantId: row.tenant.id });
    sent += await em.transactional(async (tx) => {
      // Read again: staff may have sent it meanwhile (and the claim in queueSourcedNotice settles a race).
      const candidate = await tx.findOne(Candidate, { id: row.id, sourcedNoticeSentAt: null });
      if (!candidate) return 0;
      const tenant = await tx.findOneOrFail(Tenant, row.tenant.id);
      const queued = await queueSourcedNotice(tx, tenant, candidate, publicUrl, null);
      await tx.flush();
      return queued ? 1 : 0;
    });
  }
  return sent;
}
