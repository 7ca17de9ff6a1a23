import {
  Application,
  type Em,
  type InferEntity,
  JobStage,
  Offer,
  TENANT_FILTER,
  Tenant,
  User,
} from '@candor/db';
import {
  languageSettingsOf,
  offeredLocale,
  renderOfferTerms,
  type TLocale,
  type TOffer,
  type TOfferStatus,
  type TPublicOffer,
  type ZOfferCreateInput,
} from '@candor/schemas';
import type { z } from 'zod';
import { moveToStage } from '../applications/stage-moves.js';
import { recordAudit } from '../audit/audit.service.js';
import { hashToken, newToken } from '../auth/token-hash.js';
import { assertNotRestricted } from '../candidates/restriction.js';
import type { FileStore } from '../files/file-store.js';
import { blindAlias, isBlindFor, textFilterFor } from '../hiring/blind-review.js';
import { applicationScope } from '../hiring/job-scope.js';
import { candidateKey, type DataKeys, sealFor } from '../keys/data-keys.js';
import { dayIn, jobTitleIn, salaryIn } from '../mail/candidate-language.js';
import { renderEmail } from '../mail/email-templates.service.js';
import { enqueueEmail } from '../mail/outbox.js';
import { notifyOfferAnswered } from '../notifications/events.js';
import { hiringSettingsOf } from '../settings/settings.service.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';
import { emitApplicationEvent } from '../webhooks/webhook-events.js';
import { letterPdf } from './letter-pdf.js';

type OfferRow = InferEntity<typeof Offer>;

const today = () => new Date().toISOString().slice(0, 10);

/** A sent offer still open for the candidate's answer (not past its date), as a query condition. */
export const unexpiredSent = () => ({ status: 'sent' as const, expiresOn: { $gte: today() } });

/** A sent offer past its date counts as expired, even before anyone looks at it again. */
function effectiveStatus(offer: OfferRow): TOfferStatus {
  return offer.status === 'sent' && offer.expiresOn < today() ? 'expired' : offer.status;
}

const userRef = (u: InferEntity<typeof User> | null | undefined) => (u ? { id: u.id, name: u.name } : null);

/** An offer as the actor may see it: a blind reviewer gets the application's alias and redacted terms. */
function toDto(actor: Actor, o: OfferRow): TOffer {
  const shown = textFilterFor(actor, o.application);
  return {
    id: o.id,
    applicationId: o.application.id,
    candidateName: isBlindFor(actor, o.application)
      ? blindAlias(o.application.id)
      : o.application.candidate.name,
    jobTitle: o.application.job.title,
    salary: o.salary,
    currency: o.currency,
    period: o.period as TOffer['period'],
    startDate: o.startDate,
    expiresOn: o.expiresOn,
    terms: shown(o.terms),
    status: effectiveStatus(o),
    createdBy: userRef(o.createdBy),
    approvedBy: userRef(o.approvedBy),
    approvedAt: o.approvedAt?.toISOString() ?? null,
    sentAt: o.sentAt?.toISOString() ?? null,
    respondedAt: o.respondedAt?.toISOString() ?? null,
    createdAt: o.createdAt.toISOString(),
  };
}

const POPULATE = [
  'application.candidate',
  'application.job',
  'application.stage',
  'createdBy',
  'approvedBy',
] as const;

async function visibleOffer(em: Em, actor: Actor, id: string): Promise<OfferRow> {
  const scope = await applicationScope(em, actor);
  const offer = await em.findOne(
    Offer,
    { id, ...(Object.keys(scope).length ? { application: scope } : {}) },
    { populate: POPULATE },
  );
  if (!offer) throw new AppError('NOT_FOUND', 'No such offer');
  return offer;
}

export async function offersOf(em: Em, actor: Actor, applicationId: string): Promise<TOffer[]> {
  const app = await em.findOne(
    Application,
    { id: applicationId, ...(await applicationScope(em, actor)) },
    {
      populate: ['candidate', 'job', 'stage'],
    },
  );
  if (!app) throw new AppError('NOT_FOUND', 'No such application');
  // The application is loaded above: joining it again into every offer made a seven-table
  // query whose planning cost more than the read (every open of an application's page).
  const rows = await em.find(
    Offer,
    { application: app },
    { populate: ['createdBy', 'approvedBy'], orderBy: { createdAt: 'desc' } },
  );
  return rows.map((row) => toDto(actor, row));
}

/** Drafts an offer in the tenant's wording; it waits for an admin's approval. */
export async function createOffer(
  em: Em,
  actor: Actor,
  input: z.output<typeof ZOfferCreateInput>,
): Promise<TOffer> {
  const app = await em.findOne(
    Application,
    { id: input.applicationId, ...(await applicationScope(em, actor)) },
    { populate: ['candidate', 'job'] },
  );
  if (!app) throw new AppError('NOT_FOUND', 'No such application');
  assertNotRestricted(app.candidate, 'no offer can be made to them');
  if (app.status !== 'active') throw new AppError('PRECONDITION_FAILED', `This application is ${app.status}`);
  const open = await em.count(Offer, {
    application: app,
    status: { $in: ['pending_approval', 'approved', 'sent'] },
  });
  if (open > 0)
    throw new AppError('CONFLICT', 'This application already has an open offer; withdraw it first');
  const settings = await hiringSettingsOf(em, actor.tenantId);
  const offer = em.create(Offer, {
    tenant: actor.tenantId,
    application: app,
    salary: input.salary,
    currency: input.currency,
    period: input.period,
    startDate: input.startDate,
    expiresOn: input.expiresOn,
    terms: input.terms ?? settings.offerTerms,
    status: 'pending_approval',
    createdBy: em.getReference(User, actor.userId),
  });
  recordAudit(em, actor, {
    action: 'offer.create',
    targetType: 'Application',
    targetId: app.id,
    subjectId: app.candidate.id,
  });
  await em.flush();
  return toDto(actor, await visibleOffer(em, actor, offer.id));
}

export async function approveOffer(em: Em, actor: Actor, id: string): Promise<TOffer> {
  const offer = await visibleOffer(em, actor, id);
  assertNotRestricted(offer.application.candidate, 'offers to them cannot be approved');
  if (offer.status !== 'pending_approval')
    throw new AppError('PRECONDITION_FAILED', 'Only an offer waiting for approval can be approved');
  if (offer.createdBy?.id === actor.userId) {
    throw new AppError('FORBIDDEN', 'Someone other than the author must approve an offer');
  }
  offer.status = 'approved';
  offer.approvedBy = em.getReference(User, actor.userId);
  offer.approvedAt = new Date();
  recordAudit(em, actor, {
    action: 'offer.approve',
    targetType: 'Application',
    targetId: offer.application.id,
    subjectId: offer.application.candidate.id,
  });
  await em.flush();
  return toDto(actor, await visibleOffer(em, actor, id));
}

/** Withdraws an open offer; allowed under a restriction of processing, which it helps to honour. */
export async function withdrawOffer(em: Em, actor: Actor, id: string): Promise<TOffer> {
  const offer = await visibleOffer(em, actor, id);
  if (!['pending_approval', 'approved', 'sent'].includes(effectiveStatus(offer))) {
    throw new AppError('PRECONDITION_FAILED', 'This offer can no longer be withdrawn');
  }
  offer.status = 'withdrawn';
  offer.tokenHash = null;
  recordAudit(em, actor, {
    action: 'offer.withdraw',
    targetType: 'Application',
    targetId: offer.application.id,
    subjectId: offer.application.candidate.id,
  });
  await em.flush();
  return toDto(actor, offer);
}

/**
 * Sends an approved offer: fills in the terms and stores them as sent (the
 * letter, the offer page and the candidate's export all show that text),
 * renders the letter PDF (kept in the file store), emails it with the
 * response link, and moves the application to the offer stage.
 */
export async function sendOffer(
  em: Em,
  actor: Actor,
  deps: DataKeys & { files: FileStore },
  id: string,
  publicUrl: string,
): Promise<TOffer> {
  const { files } = deps;
  const offer = await visibleOffer(em, actor, id);
  assertNotRestricted(offer.application.candidate, 'no offer can be sent to them');
  if (offer.status !== 'approved')
    throw new AppError('PRECONDITION_FAILED', 'Only an approved offer can be sent');
  if (offer.expiresOn < today())
    throw new AppError('PRECONDITION_FAILED', 'This offer has already expired; draft a new one');
  const tenant = await em.findOneOrFail(Tenant, actor.tenantId);
  const app = offer.application;
  const terms = renderOfferTerms(offer.terms, {
    candidateName: app.candidate.name,
    jobTitle: app.job.title,
    companyName: tenant.name,
    salary: offer.salary,
    currency: offer.currency,
    period: offer.period,
    startDate: offer.startDate,
    expiresOn: offer.expiresOn,
  });
  const pdf = letterPdf({
    heading: `Offer of employment - ${app.job.title}`,
    subheading: `${tenant.name}, ${today()}`,
    body: terms,
    footer: `${tenant.name} - offer for ${app.candidate.name}`,
  });
  // Kept sealed under the candidate's key, like their other files (never read back; erasure deletes it).
  const key = await candidateKey(
    em,
    deps,
    { tenantId: actor.tenantId, candidateId: app.candidate.id },
    { create: true },
  );
  const letterKey = await files.put(sealFor(key, pdf));
  try {
    await em.transactional(async (tx) => {
      const token = newToken();
      offer.tokenHash = hashToken(token);
      offer.letterKey = letterKey;
      offer.terms = terms;
      offer.status = 'sent';
      offer.sentAt = new Date();
      const offerStage = await tx.findOne(
        JobStage,
        { job: app.job, kind: 'offer' },
        { orderBy: { position: 'asc' } },
      );
      await tx.populate(app, ['stage']);
      if (offerStage) await moveToStage(tx, app, offerStage, actor.userId);
      enqueueEmail(tx, {
        tenantId: tenant.id,
        candidateId: app.candidate.id,
        to: app.candidate.email,
        ...renderEmail(
          tenant,
          'offer',
          {
            candidate_name: app.candidate.name,
            job_title: jobTitleIn(app.job, app.candidate.locale, tenant),
            offer_link: `${publicUrl}/offers/${token}`,
            expires_on: dayIn(offer.expiresOn, app.candidate.locale),
          },
          publicUrl,
          app.candidate.locale,
        ),
        attachments: [
          {
            filename: 'offer-letter.pdf',
            contentType: 'application/pdf',
            contentBase64: pdf.toString('base64'),
          },
        ],
      });
      recordAudit(tx, actor, {
        action: 'offer.send',
        targetType: 'Application',
        targetId: app.id,
        subjectId: app.candidate.id,
      });
      await tx.persist(offer).flush();
    });
  } catch (error) {
    await files.remove(letterKey);
    throw error;
  }
  return toDto(actor, offer);
}

/** The offer behind a link, for the candidate's response page (any tenant; the token is the key). */
async function offerByToken(em: Em, token: string): Promise<OfferRow> {
  const offer = await em.findOne(
    Offer,
    { tokenHash: hashToken(token) },
    {
      populate: ['application.candidate', 'application.job', 'application.stage', 'tenant'],
      filters: { [TENANT_FILTER]: false },
    },
  );
  if (!offer) throw new AppError('NOT_FOUND', 'This offer link is not valid');
  return offer;
}

/**
 * The offer behind a link, in the candidate's language (`candidate.locale`)
 * or the one the page asked for (`lang`) when the tenant offers it.
 */
export async function publicOffer(em: Em, token: string, lang?: TLocale): Promise<TPublicOffer> {
  const offer = await offerByToken(em, token);
  const app = offer.application;
  const own = app.candidate.locale;
  const locales = [...new Set([...languageSettingsOf(offer.tenant.languageSettings).locales, own])];
  const locale = offeredLocale(lang, locales) ?? own;
  return {
    companyName: offer.tenant.name,
    candidateName: app.candidate.name,
    jobTitle: jobTitleIn(app.job, locale, offer.tenant),
    salary: salaryIn(offer.salary, offer.currency, offer.period, locale),
    startDate: offer.startDate,
    expiresOn: offer.expiresOn,
    // Only a sent offer has a link; its terms were stored filled in as it was sent.
    terms: offer.terms,
    status: effectiveStatus(offer),
    locale,
    locales,
  };
}

/** Why a candidate cannot answer an offer any more (the offer page says it in their language). */
export const OFFER_EXPIRED = 'This offer has expired';

/** The candidate accepts (the application is hired) or declines a sent offer, once. */
export async function respondToOffer(
  em: Em,
  token: string,
  decision: 'accept' | 'decline',
  lang?: TLocale,
): Promise<TPublicOffer> {
  await em.transactional(async (tx) => {
    const offer = await offerByToken(tx, token);
    const status = effectiveStatus(offer);
    if (status === 'expired') throw new AppError('PRECONDITION_FAILED', OFFER_EXPIRED);
    if (status !== 'sent') throw new AppError('PRECONDITION_FAILED', 'This offer was already answered');
    offer.status = decision === 'accept' ? 'accepted' : 'declined';
    offer.respondedAt = new Date();
    const app = offer.application;
    if (decision === 'accept') {
      const hired = await tx.findOne(
        JobStage,
        { job: app.job, kind: 'hired' },
        { filters: { [TENANT_FILTER]: false } },
      );
      if (hired) await moveToStage(tx, app, hired, null);
      app.status = 'hired';
      app.decidedAt = new Date();
      await emitApplicationEvent(tx, 'offer.accepted', { application: app, offer });
    }
    app.lastActivityAt = new Date();
    await notifyOfferAnswered(tx, offer, app);
    recordAudit(
      tx,
      { userId: null, tenantId: offer.tenant.id, requestId: 'offer-link' },
      {
        action: `offer.${offer.status}`,
        targetType: 'Application',
        targetId: app.id,
        subjectId: app.candidate.id,
      },
    );
    await tx.flush();
  });
  return publicOffer(em, token, lang);
}
