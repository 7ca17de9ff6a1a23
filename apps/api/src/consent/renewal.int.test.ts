import { Candidate, ConsentEvent, ConsentReceipt, OutboxEmail, Tenant } from '@candor/db';
import { forEachDatabase, seedPublishedNotice, seedTenant, seedUser } from '@candor/db/testing';
import {
  addMonths,
  DEFAULT_RETENTION_POLICY,
  dayOf,
  type TConsentReceiptPayload,
  type TLocale,
  type TRetentionPolicy,
} from '@candor/schemas';
import { describe, expect, it } from 'vitest';
import { verifyJws } from '../keys/jws.js';
import { publicSigningKeys } from '../keys/signing-keys.service.js';
import { saveRetentionPolicy } from '../retention/retention-policy.service.js';
import { actorOf, seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { httpClient, TEST_ORIGIN, testDeps } from '../testing/test-app.js';
import { recordConsents } from './consent.service.js';
import { readRenewalToken, renewalToken } from './renewal.js';
import { sendAllRenewalRequests } from './renewal-terms.js';

const DAY = 24 * 60 * 60 * 1000;

forEachDatabase('talent-pool consent renewal', (db) => {
  /** A candidate (who applied to a job in `country`) whose talent-pool consent was given `daysAgo` days ago, under `policy`. */
  const setup = async (
    daysAgo: number,
    options: { country?: string; policy?: TRetentionPolicy; locale?: TLocale } = {},
  ) => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const admin = await seedUser(em, tenant, 'admin');
    await seedPublishedNotice(em, tenant);
    const deps = testDeps(db.orm());
    if (options.policy)
      await saveRetentionPolicy(tenantEm(db.orm(), tenant.id), actorOf(admin.id, tenant.id), options.policy);
    const job = options.country ? { country: options.country } : {};
    const { candidate } = await seedJobWithApplicant(db.orm(), actorOf(admin.id, tenant.id), job, {
      name: 'Tara Talent',
    });
    const tem = tenantEm(db.orm(), tenant.id);
    const row = await tem.findOneOrFail(Candidate, candidate.id);
    const tenantRow = await tem.findOneOrFail(Tenant, tenant.id);
    if (options.locale) {
      // A candidate who applied on the site in their language, on a site in English and that language.
      row.locale = options.locale;
      tenantRow.languageSettings = { locales: ['en', options.locale], defaultLocale: 'en' };
    }
    await tem.transactional(async (tx) => {
      await recordConsents(tx, {
        tenant: tenantRow,
        contactEmail: '',
        siteUrl: 'https://example.test/',
        candidate: row,
        application: null,
        noticeVersion: 1,
        decisions: [{ purpose: 'talent_pool', label: 'Keep my profile in the talent pool', given: true }],
        channel: 'careers_apply',
        gpc: false,
        masterKey: deps.masterKey,
      });
    });
    const event = await tem.findOneOrFail(
      ConsentEvent,
      { candidate: candidate.id, purpose: 'talent_pool' },
      { populate: ['receipt'] },
    );
    event.occurredAt = new Date(Date.now() - daysAgo * DAY);
    await tem.flush();
    const receipt = verifyJws(event.receipt!.jws, await publicSigningKeys(tem)) as TConsentReceiptPayload;
    return { tenant, deps, candidate: row, receipt };
  };
  const talentPoolTermination = (receipt: TConsentReceiptPayload) =>
    receipt.services[0]!.purposes.find((p) => p.purposeCategory.includes('talent_pool'))!.termination;
  /** The default policy with talent-pool consents in Switzerland lasting 12 months. */
  const swissYear: TRetentionPolicy = {
    rules: DEFAULT_RETENTION_POLICY.rules,
    overrides: [{ country: 'CH', ruleId: 'talent_pool', period: { amount: 12, unit: 'months' } }],
  };

  describe('the talent-pool term', () => {
    it('is the retention policy\'s in the signed receipt, not "until withdrawn"', async () => {
      const { receipt } = await setup(0);
      expect(talentPoolTermination(receipt)).toBe(
        '24 months from this consent, then the profile is erased unless the consent is renewed (renewal is asked 30 days before); it can be withdrawn at any time in the privacy portal',
      );
    });

    it("follows the policy's override for the candidate's job country, in the receipt and the renewal email", async () => {
      const swiss = await setup(340, { country: 'CH', policy: swissYear });
      expect(talentPoolTermination(swiss.receipt)).toMatch(/^12 months from this consent/);
      await sendAllRenewalRequests(db.orm(), { publicUrl: TEST_ORIGIN, hashKey: swiss.deps.hashKey });
      const [mail] = await renewalMails(swiss.tenant.id);
      expect(mail?.text).toContain('To stay for another 12 months');
      expect(mail?.text).toContain(
        `That agreement ends on ${addMonths(dayOf(new Date(Date.now() - 340 * DAY)), 12)}.`,
      );

      // The same policy, a job in Germany: 24 months, so 340 days in is far from the end.
      const german = await setup(340, { country: 'DE', policy: swissYear });
      expect(talentPoolTermination(german.receipt)).toMatch(/^24 months from this consent/);
      await sendAllRenewalRequests(db.orm(), { publicUrl: TEST_ORIGIN, hashKey: german.deps.hashKey });
      expect(await renewalMails(german.tenant.id)).toEqual([]);
    });

    it('is "until withdrawn" only when the policy has no talent-pool rule in force', async () => {
      const off = {
        ...DEFAULT_RETENTION_POLICY,
        rules: DEFAULT_RETENTION_POLICY.rules.map((r) =>
          r.id === 'talent_pool' ? { ...r, enabled: false } : r,
        ),
      };
      const { receipt } = await setup(0, { policy: off });
      expect(talentPoolTermination(receipt)).toBe('Until withdrawn in the privacy portal');
    });
  });
  const renewalMails = (tenantId: string) =>
    tenantEm(db.orm(), tenantId).find(OutboxEmail, { template: 'consent.renewal' });
  const tokenIn = (text: string) => /privacy\/renew\/\?t=([A-Za-z0-9_.-]+)/.exec(text)?.[1] ?? '';

  describe('the renewal email', () => {
    it('goes out once, within 30 days of the end of a 24-month consent, with a signed link', async () => {
      const { tenant, deps, candidate } = await setup(720);
      expect(
        await sendAllRenewalRequests(db.orm(), { publicUrl: TEST_ORIGIN, hashKey: deps.hashKey }),
      ).toBeGreaterThanOrEqual(1);
      await sendAllRenewalRequests(db.orm(), { publicUrl: TEST_ORIGIN, hashKey: deps.hashKey });
      const mails = await renewalMails(tenant.id);
      expect(mails.map((m) => m.to)).toEqual([candidate.email]);
      const claim = readRenewalToken(deps.hashKey, tokenIn(mails[0]!.text));
      expect(claim).toMatchObject({ t: tenant.id, c: candidate.id, p: 'talent_pool' });
    });

    it('is written in the candidate’s language, with the renewal page in it; English as before', async () => {
      const send = (deps: { hashKey: Buffer }) =>
        sendAllRenewalRequests(db.orm(), { publicUrl: TEST_ORIGIN, hashKey: deps.hashKey });
      const endsOn = (daysAgo: number, months: number) =>
        addMonths(dayOf(new Date(Date.now() - daysAgo * DAY)), months);
      const inLanguage = (locale: string, day: string) =>
        new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
          new Date(`${day}T00:00:00Z`),
        );

      const english = await setup(720);
      await send(english.deps);
      const [en] = await renewalMails(english.tenant.id);
      const { name, slug } = english.tenant;
      expect(en!.subject).toBe(`${name}: stay in our talent pool?`);
      expect(en!.text).toBe(
        `Hello Tara Talent,\n\nYou agreed that ${name} may keep your profile and contact you about future roles. That agreement ends on ${endsOn(720, 24)}. If you do nothing, your profile is erased then.\n\nTo stay for another 24 months, open this link and confirm:\n${TEST_ORIGIN}/careers/${slug}/privacy/renew/?t=${tokenIn(en!.text)}\n\n--\n${name} uses Candor to handle applications. To see, download, correct or erase your data, or to withdraw consent: ${TEST_ORIGIN}/careers/${slug}/privacy/portal/\n`,
      );

      const german = await setup(720, { locale: 'de' });
      await send(german.deps);
      const [de] = await renewalMails(german.tenant.id);
      const token = tokenIn(de!.text);
      const renewPath = `/careers/${german.tenant.slug}/privacy/renew/?t=${token}&lang=de`;
      expect(de!.subject).toBe(`${german.tenant.name}: Möchten Sie in unserem Talentpool bleiben?`);
      expect(de!.text).toContain(
        `Guten Tag Tara Talent,\n\nSie haben zugestimmt, dass ${german.tenant.name} Ihr Profil aufbewahrt und Sie wegen künftiger Stellen kontaktiert. Diese Einwilligung endet am ${inLanguage('de', endsOn(720, 24))}.`,
      );
      expect(de!.text).toContain(
        `Wenn Sie 24 Monate länger bleiben möchten, öffnen Sie diesen Link und bestätigen Sie:\n${TEST_ORIGIN}${renewPath}\n\n--\n${german.tenant.name} nutzt Candor für die Bearbeitung von Bewerbungen.`,
      );
      expect(de!.text).toContain(`/careers/${german.tenant.slug}/privacy/portal/?lang=de\n`);
      const page = await (await httpClient(german.deps).request(renewPath)).text();
      expect(page).toContain('<html lang="de"');
      expect(page).toContain('Im Talentpool bleiben?');

      // A French candidate under the Swiss 12-month term.
      const french = await setup(340, { country: 'CH', policy: swissYear, locale: 'fr' });
      await send(french.deps);
      const [fr] = await renewalMails(french.tenant.id);
      expect(fr!.subject).toBe(`${french.tenant.name} : rester dans notre vivier de talents ?`);
      expect(fr!.text).toContain(`Cet accord prend fin le ${inLanguage('fr', endsOn(340, 12))}.`);
      expect(fr!.text).toContain('Pour rester 12 mois de plus, ouvrez ce lien et confirmez :');
      expect(fr!.text).toContain(`${french.tenant.name} utilise Candor pour gérer les candidatures.`);
    });

    it('is not sent for a consent far from its end, nor for one withdrawn', async () => {
      const { tenant, deps } = await setup(300);
      await sendAllRenewalRequests(db.orm(), { publicUrl: TEST_ORIGIN, hashKey: deps.hashKey });
      expect(await renewalMails(tenant.id)).toEqual([]);
    });
  });

  describe('the renewal link', () => {
    it('asks on opening, renews only on the button, with a new consent event and receipt', async () => {
      const { tenant, deps, candidate } = await setup(720);
      await sendAllRenewalRequests(db.orm(), { publicUrl: TEST_ORIGIN, hashKey: deps.hashKey });
      const token = tokenIn((await renewalMails(tenant.id))[0]!.text);
      const client = httpClient(deps);
      const path = `/careers/${tenant.slug}/privacy/renew/`;

      const page = await client.request(`${path}?t=${token}`);
      expect(page.status).toBe(200);
      // The token in the URL never reaches another site in a Referer header.
      expect(['same-origin', 'no-referrer']).toContain(page.headers.get('Referrer-Policy'));
      expect(await page.text()).toContain('Stay in the talent pool?');
      const em = tenantEm(db.orm(), tenant.id);
      expect(await em.count(ConsentEvent, { candidate: candidate.id })).toBe(1);

      const crossSite = await client.request(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
        body: new URLSearchParams({ token }).toString(),
      });
      expect(crossSite.status).toBe(403);

      const renewed = await client.request(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token }).toString(),
      });
      expect(renewed.status).toBe(200);
      expect(await renewed.text()).toContain('Your profile stays in the talent pool');
      const events = await tenantEm(db.orm(), tenant.id).find(
        ConsentEvent,
        { candidate: candidate.id },
        { orderBy: { occurredAt: 'desc' } },
      );
      expect(events[0]).toMatchObject({
        purpose: 'talent_pool',
        decision: 'given',
        channel: 'renewal_email',
      });
      expect(await tenantEm(db.orm(), tenant.id).count(ConsentReceipt, { candidate: candidate.id })).toBe(2);
      // Renewed today, the consent is far from its end again: no new email.
      await sendAllRenewalRequests(db.orm(), { publicUrl: TEST_ORIGIN, hashKey: deps.hashKey });
      expect(await renewalMails(tenant.id)).toHaveLength(1);
    });

    it('refuses a tampered, foreign or expired link and renews nothing', async () => {
      const { tenant, deps, candidate } = await setup(720);
      const client = httpClient(deps);
      const path = `/careers/${tenant.slug}/privacy/renew/`;
      const good = renewalToken(deps.hashKey, {
        tenantId: tenant.id,
        candidateId: candidate.id,
        purpose: 'talent_pool',
        expiresOn: addMonths(dayOf(), 1),
      });
      const tampered = `${good.slice(0, -2)}xx`;
      const expired = renewalToken(deps.hashKey, {
        tenantId: tenant.id,
        candidateId: candidate.id,
        purpose: 'talent_pool',
        expiresOn: '2020-01-01',
      });
      const other = await seedTenant(db.orm().em.fork());
      const foreign = renewalToken(deps.hashKey, {
        tenantId: other.id,
        candidateId: candidate.id,
        purpose: 'talent_pool',
        expiresOn: addMonths(dayOf(), 1),
      });
      for (const token of [tampered, expired, foreign, '']) {
        const res = await client.request(path, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token }).toString(),
        });
        expect(res.status).toBe(400);
        expect(await res.text()).toContain('This link no longer works');
      }
      expect(await tenantEm(db.orm(), tenant.id).count(ConsentEvent, { candidate: candidate.id })).toBe(1);
    });
  });
});
