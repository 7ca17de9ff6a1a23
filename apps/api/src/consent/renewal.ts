import { messagesFor } from '@candor/careers';
import { Candidate, ConsentEvent, type Em, type InferEntity, OutboxEmail, type Tenant } from '@candor/db';
import {
  addDays,
  addMonths,
  dayOf,
  languageSettingsOf,
  noticeInEffect,
  TALENT_POOL_PURPOSE,
  type TLocale,
  type TRetentionPeriod,
  type TRetentionPolicy,
  talentPoolTerm,
} from '@candor/schemas';
import { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { readLink, signLink } from '../keys/signed-link.js';
import { dayIn } from '../mail/candidate-language.js';
import { candidateEmailFooter } from '../mail/email-templates.service.js';
import { enqueueEmail } from '../mail/outbox.js';
import { publishedNotices } from '../privacy/notices.service.js';
import { privacySettingsOf } from '../privacy/privacy-settings.service.js';
import { recordConsents } from './consent.service.js';
import { candidateCountry, type TalentPoolTerm } from './talent-pool-term.js';

type TenantRow = InferEntity<typeof Tenant>;
type EventRow = InferEntity<typeof ConsentEvent>;

const TEMPLATE = 'consent.renewal';

/** How long a talent-pool consent lasts and how long before its end the candidate is asked to renew (talentPoolTermOf). */
export type RenewalTerms = TalentPoolTerm;

/** `day` moved by the period, forwards (1) or backwards (-1). */
function shift(day: string, period: TRetentionPeriod, sign: 1 | -1): string {
  return period.unit === 'months' ? addMonths(day, sign * period.amount) : addDays(day, sign * period.amount);
}

const ZToken = z.object({ t: z.uuid(), c: z.uuid(), p: z.string(), e: z.iso.date() });
const LINK_PURPOSE = 'consent-renewal';

/**
 * A signed link parameter naming the tenant, candidate and purpose, valid
 * until the consent ends: whoever holds the email may renew, nothing more
 * (it opens no data and cannot withdraw anything).
 */
export function renewalToken(
  hashKey: Buffer,
  claim: { tenantId: string; candidateId: string; purpose: string; expiresOn: string },
): string {
  return signLink(hashKey, LINK_PURPOSE, {
    t: claim.tenantId,
    c: claim.candidateId,
    p: claim.purpose,
    e: claim.expiresOn,
  });
}

/** The token's claim when its signature holds and it has not expired; null otherwise. */
export function readRenewalToken(
  hashKey: Buffer,
  token: string,
  today: string = dayOf(),
): z.infer<typeof ZToken> | null {
  return readLink(hashKey, LINK_PURPOSE, token, ZToken, today);
}

/** The candidate's talent-pool consent in force (the latest decision, when it was "given"), or null. */
export async function talentPoolConsentOf(em: Em, candidateId: string): Promise<EventRow | null> {
  const latest = await em.findOne(
    ConsentEvent,
    { candidate: candidateId, purpose: TALENT_POOL_PURPOSE },
    { orderBy: { occurredAt: 'desc', id: 'desc' } },
  );
  return latest?.decision === 'given' ? latest : null;
}

/** The day a consent given at `occurredAt` ends. */
export function consentEndsOn(occurredAt: Date, terms: RenewalTerms): string {
  return shift(dayOf(occurredAt), terms.period, 1);
}

/** Consents given in [expired, askFrom] end within the notice period from `today` and have not ended yet. */
function noticeWindow(today: string, terms: RenewalTerms): { askFrom: Date; expired: Date } {
  return {
    askFrom: new Date(`${shift(addDays(today, terms.noticeDays), terms.period, -1)}T23:59:59.999Z`),
    expired: new Date(`${shift(today, terms.period, -1)}T00:00:00.000Z`),
  };
}

/**
 * The reminder that a talent-pool consent ends, with the one-click renewal
 * link, in the candidate's language: the day and the period as it writes
 * them, and on a site in several languages the renewal page in it too.
 */
export function renewalEmail(
  tenant: Pick<TenantRow, 'name' | 'slug' | 'languageSettings'>,
  input: { candidateName: string; endsOn: string; period: TRetentionPeriod; token: string },
  publicUrl: string,
  locale: TLocale = 'en',
) {
  const t = messagesFor(locale);
  const lang = languageSettingsOf(tenant.languageSettings).locales.length > 1 ? `&lang=${locale}` : '';
  const link = `${publicUrl}/careers/${tenant.slug}/privacy/renew/?t=${input.token}${lang}`;
  const period = t.periodLength(input.period.amount, input.period.unit);
  return {
    template: TEMPLATE,
    subject: t.emailRenewalSubject(tenant.name).replace(/[\r\n]+/g, ' '),
    text: `${t.emailRenewalBody(input.candidateName, tenant.name, dayIn(input.endsOn, locale), period, link)}${candidateEmailFooter(tenant, publicUrl, locale)}`,
  };
}

/**
 * Emails each candidate of the tenant whose talent-pool consent ends within
 * the notice period a one-click renewal link, once per consent given. Each
 * candidate's term is the policy's for the country of their latest job (as
 * the retention sweep and their receipt have it). The caller's em is scoped
 * to the tenant. Returns how many were queued.
 */
export async function sendRenewalRequests(
  em: Em,
  tenant: TenantRow,
  options: { publicUrl: string; hashKey: Buffer; policy: TRetentionPolicy; now?: Date },
): Promise<number> {
  const { policy, publicUrl, hashKey } = options;
  const rule = policy.rules.find((r) => r.trigger === 'talent_pool_consent' && r.enabled);
  if (!rule || rule.renewalNoticeDays <= 0) return 0;
  const today = dayOf(options.now);
  // The widest window over every country's period; each consent is then held to its own candidate's term.
  const windows = [
    rule.period,
    ...policy.overrides.filter((o) => o.ruleId === rule.id).map((o) => o.period),
  ].map((period) => noticeWindow(today, { period, noticeDays: rule.renewalNoticeDays }));
  const given = await em.find(
    ConsentEvent,
    {
      purpose: TALENT_POOL_PURPOSE,
      decision: 'given',
      occurredAt: {
        $lte: new Date(Math.max(...windows.map((w) => w.askFrom.getTime()))),
        $gte: new Date(Math.min(...windows.map((w) => w.expired.getTime()))),
      },
    },
    { orderBy: { occurredAt: 'asc', id: 'asc' }, populate: ['candidate'] },
  );
  let queued = 0;
  for (const event of given) {
    const candidate = event.candidate;
    if (!candidate.email) continue;
    const current = await talentPoolConsentOf(em, candidate.id);
    if (current?.id !== event.id) continue;
    const terms = talentPoolTerm(policy, await candidateCountry(em, candidate.id));
    if (!terms) continue;
    const own = noticeWindow(today, terms);
    if (event.occurredAt > own.askFrom || event.occurredAt < own.expired) continue;
    if (
      await em.count(OutboxEmail, {
        candidate: candidate.id,
        template: TEMPLATE,
        createdAt: { $gte: event.occurredAt },
      })
    )
      continue;
    const endsOn = consentEndsOn(event.occurredAt, terms);
    const token = renewalToken(hashKey, {
      tenantId: tenant.id,
      candidateId: candidate.id,
      purpose: TALENT_POOL_PURPOSE,
      expiresOn: endsOn,
    });
    enqueueEmail(em, {
      tenantId: tenant.id,
      candidateId: candidate.id,
      to: candidate.email,
      ...renewalEmail(
        tenant,
        { candidateName: candidate.name, endsOn, period: terms.period, token },
        publicUrl,
        candidate.locale,
      ),
    });
    queued += 1;
  }
  await em.flush();
  return queued;
}

export type RenewalOutcome =
  | { kind: 'ask'; purposeLabel: string; endsOn: string; renewedUntil: string }
  | { kind: 'renewed'; until: string; receiptId: string }
  | { kind: 'invalid' };

/** What the link's page shows: the consent it would renew, or that the link no longer works. */
export async function renewalPrompt(
  em: Em,
  tenant: TenantRow,
  hashKey: Buffer,
  token: string,
  terms: RenewalTerms,
): Promise<RenewalOutcome> {
  const claim = readRenewalToken(hashKey, token);
  if (!claim || claim.t !== tenant.id) return { kind: 'invalid' };
  const current = await talentPoolConsentOf(em, claim.c);
  if (!current) return { kind: 'invalid' };
  return {
    kind: 'ask',
    purposeLabel: current.purposeLabel,
    endsOn: consentEndsOn(current.occurredAt, terms),
    renewedUntil: shift(dayOf(), terms.period, 1),
  };
}

/**
 * Renews the consent the link names: a new "given" event under the notice
 * in effect, with a signed receipt, in one transaction. A consent withdrawn
 * since the email was sent is not renewed by an old link.
 */
export async function renewConsent(
  em: Em,
  tenant: TenantRow,
  options: {
    masterKey: Buffer;
    hashKey: Buffer;
    publicUrl: string;
    token: string;
    terms: RenewalTerms;
    requestId: string;
  },
): Promise<RenewalOutcome> {
  const claim = readRenewalToken(options.hashKey, options.token);
  if (!claim || claim.t !== tenant.id) return { kind: 'invalid' };
  return em.transactional(async (tx) => {
    const current = await talentPoolConsentOf(tx, claim.c);
    const candidate = await tx.findOne(Candidate, claim.c);
    if (!current || !candidate?.email) return { kind: 'invalid' } as const;
    const settings = await privacySettingsOf(tx, tenant.id);
    const notice = noticeInEffect(await publishedNotices(tx));
    const receipt = await recordConsents(tx, {
      tenant,
      contactEmail: settings.contactEmail,
      siteUrl: `${options.publicUrl}/careers/${tenant.slug}/`,
      candidate,
      application: null,
      noticeVersion: notice?.version ?? current.noticeVersion ?? 0,
      decisions: [{ purpose: current.purpose, label: current.purposeLabel, given: true }],
      channel: 'renewal_email',
      gpc: false,
      masterKey: options.masterKey,
    });
    candidate.lastActivityAt = new Date();
    recordAudit(
      tx,
      { tenantId: tenant.id, userId: null, requestId: options.requestId },
      { action: 'consent.renew', targetType: 'Candidate', targetId: candidate.id, subjectId: candidate.id },
    );
    await tx.flush();
    return {
      kind: 'renewed',
      until: shift(dayOf(), options.terms.period, 1),
      receiptId: receipt.id,
    } as const;
  });
}
