/**
 * The applicant privacy portal over HTTP, as a browser without JavaScript
 * uses it: one-time codes, the session cookie, what the portal shows, and
 * what each action writes.
 */
import {
  AuditEvent,
  Candidate,
  ConsentEvent,
  ConsentReceipt,
  type Orm,
  OutboxEmail,
  PortalCode,
  PortalSession,
  PrivacyRequest,
  TENANT_FILTER,
  Tenant,
} from '@candor/db';
import { forEachDatabase, seedPublishedNotice, seedTenant, seedUser } from '@candor/db/testing';
import { addMonths, DEFAULT_PRIVACY_SETTINGS, dayOf, type TConsentReceiptPayload } from '@candor/schemas';
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../http/rate-limit.js';
import { setJobStatus } from '../jobs/jobs.service.js';
import { verifyJws } from '../keys/jws.js';
import { publicSigningKeys } from '../keys/signing-keys.service.js';
import { recordDisclosure } from '../privacy/disclosures.service.js';
import { pdfBytes } from '../testing/documents.js';
import { actorOf, seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, httpClient, sessionFor, TEST_ORIGIN, testDeps } from '../testing/test-app.js';

type Client = ReturnType<typeof httpClient>;
type Deps = ReturnType<typeof testDeps>;

let sequence = 0;
const uniqueEmail = (name: string) => `${name}-${++sequence}-${Date.now()}@example.test`;

function formBody(fields: Record<string, string | string[]>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  return body;
}

/** The portal's code emails to an address, oldest first (they are queued without a tenant). */
async function codeEmails(orm: Orm, to: string) {
  return orm.em
    .fork()
    .find(
      OutboxEmail,
      { to, template: 'portal.code' },
      { filters: { [TENANT_FILTER]: false }, orderBy: { createdAt: 'asc' } },
    );
}

function codeIn(text: string): string {
  const code = /^ {4}(\d{6})$/m.exec(text)?.[1];
  if (!code) throw new Error('no code in the email');
  return code;
}

forEachDatabase('the privacy portal', (db) => {
  /** A tenant with an open job in Germany and an applicant who applied on the careers site with both consents. */
  const setup = async (options: { deps?: (deps: Deps) => Deps } = {}) => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const admin = await seedUser(em, tenant, 'admin');
    await seedPublishedNotice(em, tenant);
    const base = testDeps(db.orm());
    const deps = options.deps ? options.deps(base) : base;
    const actor = actorOf(admin.id, tenant.id);
    const { job, candidate: other } = await seedJobWithApplicant(db.orm(), actor, { country: 'DE' });
    await setJobStatus(tenantEm(db.orm(), tenant.id), actor, job.id, 'open');
    const email = uniqueEmail('ada');
    const form = new FormData();
    const fields: Record<string, string> = {
      name: 'Ada Applicant',
      email,
      phone: '+49 30 1234567',
      location: 'Berlin',
      links: 'https://github.com/ada',
      'consent:talent_pool': 'yes',
      'consent:marketing': 'yes',
      ageConfirmed: 'yes',
      noticeVersion: '1',
    };
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('resume', new File([pdfBytes('Ada resume')], 'ada.pdf'));
    const applied = await httpClient(deps).request(`/careers/${tenant.slug}/jobs/${job.id}/apply`, {
      method: 'POST',
      headers: { Accept: 'application/json' },
      body: form,
    });
    expect(applied.status).toBe(201);
    const client = httpClient(deps);
    const path = (rest = '') => `/careers/${tenant.slug}/privacy/portal/${rest}`;
    const post = (
      c: Client,
      rest: string,
      fields: Record<string, string | string[]> = {},
      headers: Record<string, string> = {},
    ) =>
      c.request(path(rest), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
        body: formBody(fields),
      });
    const askCode = async (c: Client, address: string, headers: Record<string, string> = {}) => {
      const before = (await codeEmails(db.orm(), address)).length;
      const res = await post(c, 'code', { email: address }, headers);
      const mails = await codeEmails(db.orm(), address);
      return { res, code: mails.length > before ? codeIn(mails.at(-1)?.text ?? '') : null };
    };
    const signIn = async (c: Client = client, address = email) => {
      const { code } = await askCode(c, address);
      const res = await post(c, 'verify', { email: address, code: code ?? '' });
      expect(res.status).toBe(303);
      return res;
    };
    const candidate = await tenantEm(db.orm(), tenant.id).findOneOrFail(Candidate, { email });
    return { tenant, admin, actor, job, other, deps, client, email, candidate, path, post, askCode, signIn };
  };

  const requestsOf = (tenantId: string, candidateId: string) =>
    tenantEm(db.orm(), tenantId).find(
      PrivacyRequest,
      { candidate: candidateId },
      { orderBy: { receivedAt: 'asc' } },
    );

  describe('signing in with a one-time code', () => {
    it('answers a known and an unknown address alike, and sends each the same email', async () => {
      const { client, email, askCode } = await setup();
      const unknown = uniqueEmail('nobody');
      const known = await askCode(client, email);
      const stranger = await askCode(client, unknown);
      expect(known.res.status).toBe(200);
      expect(stranger.res.status).toBe(known.res.status);
      const knownPage = (await known.res.text()).replaceAll(email, 'ADDRESS');
      const strangerPage = (await stranger.res.text()).replaceAll(unknown, 'ADDRESS');
      expect(strangerPage).toBe(knownPage);
      expect(knownPage).toContain('A 6-digit code is on its way');

      const [knownMail] = await codeEmails(db.orm(), email);
      const [strangerMail] = await codeEmails(db.orm(), unknown);
      expect(strangerMail?.subject).toBe(knownMail?.subject);
      const withoutCode = (text = '') => text.replace(/^ {4}\d{6}$/m, '    CODE');
      expect(withoutCode(strangerMail?.text)).toBe(withoutCode(knownMail?.text));
      expect(withoutCode(knownMail?.text)).toContain('    CODE');
      // Kept out of the tenant's outbox, where staff could read the code or see who asked.
      expect(knownMail?.tenant).toBeNull();
    });

    it('stores only hashes of the code and the address', async () => {
      const { tenant, client, email, askCode } = await setup();
      const { code } = await askCode(client, email);
      const rows = await tenantEm(db.orm(), tenant.id).find(PortalCode, {});
      expect(rows).toHaveLength(1);
      const stored = JSON.stringify(rows);
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(email);
      expect(rows[0]?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
      expect(rows[0]?.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
    });

    it('opens a session with the right code, once; the cookie is httpOnly, strict and scoped to the portal', async () => {
      const { deps, tenant, client, email, path, post, askCode } = await setup();
      const { code } = await askCode(client, email);
      const res = await post(client, 'verify', { email, code: code ?? '' });
      expect(res.status).toBe(303);
      expect(res.headers.get('Location')).toBe(path());
      const cookie = res.headers.get('Set-Cookie') ?? '';
      expect(cookie).toMatch(/^candor_portal=[\w-]{40,};/);
      expect(cookie).toContain(`Path=/careers/${tenant.slug}/privacy/portal`);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Strict');
      expect(cookie).toContain('Max-Age=1800');
      expect(cookie).not.toContain('Secure');
      // Only the token's hash is stored, for 30 minutes.
      const token = cookie.split(';')[0]?.split('=')[1] ?? '';
      const [session] = await tenantEm(db.orm(), tenant.id).find(PortalSession, {});
      expect(session?.id).not.toBe(token);
      expect(session?.email).toBe(email);
      expect((session?.expiresAt.getTime() ?? 0) - Date.now()).toBeGreaterThan(29 * 60_000);

      const home = await client.request(path());
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('Ada Applicant');

      // The same code again, from another browser: used up.
      const again = await post(httpClient(deps), 'verify', { email, code: code ?? '' });
      expect(again.status).toBe(401);
      expect(await again.text()).toContain('This code no longer works');
    });

    it('burns a code after five wrong tries', async () => {
      const { tenant, client, email, post, askCode } = await setup();
      const { code } = await askCode(client, email);
      const wrong = code === '000000' ? '111111' : '000000';
      for (const left of [4, 3, 2, 1]) {
        const res = await post(client, 'verify', { email, code: wrong });
        expect(res.status).toBe(401);
        expect(await res.text()).toContain(left === 1 ? '1 try left' : `${left} tries left`);
      }
      const fifth = await post(client, 'verify', { email, code: wrong });
      expect(await fifth.text()).toContain('This code no longer works');
      const right = await post(client, 'verify', { email, code: code ?? '' });
      expect(right.status).toBe(401);
      expect(right.headers.get('Set-Cookie')).toBeNull();
      const [row] = await tenantEm(db.orm(), tenant.id).find(PortalCode, {});
      expect(row?.attempts).toBe(5);
      expect(row?.usedAt).toBeNull();
    });

    it('refuses an expired code, a malformed one and one for another address', async () => {
      const { tenant, client, email, post, askCode } = await setup();
      const { code } = await askCode(client, email);
      const other = uniqueEmail('eve');
      expect((await post(client, 'verify', { email: other, code: code ?? '' })).status).toBe(401);
      const malformed = await post(client, 'verify', { email, code: '12ab' });
      expect(malformed.status).toBe(400);
      expect(await malformed.text()).toContain('Enter the 6 digits');
      await tenantEm(db.orm(), tenant.id).nativeUpdate(
        PortalCode,
        { tenant: tenant.id },
        { expiresAt: new Date(Date.now() - 1000) },
      );
      const expired = await post(client, 'verify', { email, code: code ?? '' });
      expect(expired.status).toBe(401);
      expect(await expired.text()).toContain('This code no longer works');
    });

    it('only the latest code works', async () => {
      const { client, email, post, askCode } = await setup();
      const first = await askCode(client, email);
      const second = await askCode(client, email);
      if (first.code !== second.code)
        expect((await post(client, 'verify', { email, code: first.code ?? '' })).status).toBe(401);
      expect((await post(client, 'verify', { email, code: second.code ?? '' })).status).toBe(303);
    });

    it('limits codes per address and per network, and tries per network', async () => {
      const { client, email, post, askCode } = await setup({
        deps: (d) => ({
          ...d,
          limits: {
            ...d.limits,
            portalCodePerEmailAndNetwork: new RateLimiter(2, 60_000),
            portalCodePerIp: new RateLimiter(4, 60_000),
            portalVerifyPerIp: new RateLimiter(3, 60_000),
          },
        }),
      });
      expect((await askCode(client, email)).res.status).toBe(200);
      expect((await askCode(client, email)).res.status).toBe(200);
      const third = await askCode(client, email);
      expect(third.res.status).toBe(429);
      expect(third.code).toBeNull();
      expect((await askCode(client, uniqueEmail('x'))).res.status).toBe(200);
      expect((await askCode(client, uniqueEmail('y'))).res.status).toBe(429);
      for (let i = 0; i < 3; i++)
        expect((await post(client, 'verify', { email, code: '123456' })).status).not.toBe(429);
      expect((await post(client, 'verify', { email, code: '123456' })).status).toBe(429);
    });

    it('does not let a stranger on another network use up or cancel the codes of an address', async () => {
      const { deps, client, email, post, askCode } = await setup({
        deps: (d) => ({
          ...d,
          limits: {
            ...d.limits,
            portalCodePerEmailAndNetwork: new RateLimiter(3, 60_000, {
              store: db.orm(),
              name: 'portal-abuse',
            }),
          },
        }),
      });
      const home = { 'X-Forwarded-For': '198.51.100.20' };
      const stranger = httpClient(deps);
      const mine = await askCode(client, email, home);
      expect(mine.res.status).toBe(200);
      const strangers: number[] = [];
      // Three codes for someone else's address, then a fourth from another address of the same /24.
      for (const ip of ['203.0.113.9', '203.0.113.9', '203.0.113.9', '203.0.113.77']) {
        strangers.push((await askCode(stranger, email, { 'X-Forwarded-For': ip })).res.status);
      }
      expect(strangers).toEqual([200, 200, 200, 429]);
      // The code the owner was sent still works, and their quota on their own network is untouched.
      expect((await post(client, 'verify', { email, code: mine.code ?? '' }, home)).status).toBe(303);
      expect((await askCode(httpClient(deps), email, home)).res.status).toBe(200);
    });

    it('refuses posts from another origin', async () => {
      const { tenant, client, email, post } = await setup();
      const res = await post(client, 'code', { email }, { Origin: 'https://evil.example' });
      expect(res.status).toBe(403);
      expect(await codeEmails(db.orm(), email)).toHaveLength(0);
      expect(await tenantEm(db.orm(), tenant.id).count(PortalCode, {})).toBe(0);
    });
  });

  describe('the session', () => {
    it('ends after 30 minutes, and on sign-out', async () => {
      const { tenant, client, path, post, signIn } = await setup();
      await signIn();
      await tenantEm(db.orm(), tenant.id).nativeUpdate(
        PortalSession,
        { tenant: tenant.id },
        { expiresAt: new Date(Date.now() - 1000) },
      );
      const expired = await client.request(path());
      expect(await expired.text()).toContain('Your session has ended');
      expect(client.cookie).toBe('');
      expect(await tenantEm(db.orm(), tenant.id).count(PortalSession, {})).toBe(0);

      await signIn();
      const out = await post(client, 'sign-out');
      expect(await out.text()).toContain('You have signed out');
      expect(await tenantEm(db.orm(), tenant.id).count(PortalSession, {})).toBe(0);
      const after = await client.request(path());
      expect(await after.text()).toContain('Send me a code');
    });

    it('is Secure when the public address is https', async () => {
      const { client, email, post, askCode } = await setup({
        deps: (d) => ({ ...d, publicUrl: 'https://candor.test', allowedOrigins: ['https://candor.test'] }),
      });
      const { code } = await askCode(client, email);
      const res = await post(
        client,
        'verify',
        { email, code: code ?? '' },
        { Origin: 'https://candor.test' },
      );
      expect(res.headers.get('Set-Cookie')).toContain('Secure');
    });

    it('does not open another tenant’s portal', async () => {
      const { client, signIn } = await setup();
      await signIn();
      const other = await seedTenant(db.orm().em.fork());
      const res = await client.request(`/careers/${other.slug}/privacy/portal/`, {
        headers: { Cookie: client.cookie },
      });
      expect(await res.text()).toContain('Send me a code');
    });

    it('actions need a session', async () => {
      const { tenant, client, post, candidate } = await setup();
      const res = await post(client, 'restrict');
      expect(res.status).toBe(401);
      expect(
        (await tenantEm(db.orm(), tenant.id).findOneOrFail(Candidate, candidate.id)).restrictedAt,
      ).toBeNull();
    });
  });

  describe('what the portal shows', () => {
    it('this address’s data at this tenant only', async () => {
      const { tenant, job, other, client, email, path, signIn } = await setup();
      // The same person at another tenant, and someone else here.
      const second = await seedTenant(db.orm().em.fork());
      const secondAdmin = await seedUser(db.orm().em.fork(), second, 'admin');
      const elsewhere = await seedJobWithApplicant(
        db.orm(),
        actorOf(secondAdmin.id, second.id),
        { title: 'Secret Elsewhere Role' },
        { email, name: 'Ada Elsewhere' },
      );
      await signIn();
      const page = await (await client.request(path())).text();
      expect(page).toContain(job.title);
      expect(page).toContain('Ada Applicant');
      expect(page).toContain('Application received'); // the stage kind
      expect(page).toContain('In progress');
      expect(page).toContain('Keep my profile in the talent pool');
      expect(page).not.toContain(elsewhere.job.title);
      expect(page).not.toContain('Ada Elsewhere');
      expect(page).not.toContain(other.name);
      expect(page).not.toContain(other.email);
      expect(page).toContain(tenant.name);
    });

    it('says so when it holds nothing about the address', async () => {
      const { client, path, signIn } = await setup();
      await signIn(client, uniqueEmail('nobody'));
      const page = await (await client.request(path())).text();
      expect(page).toContain('We hold no data about this address');
      expect(page).not.toContain('Ada Applicant');
    });
  });

  describe('actions', () => {
    const today = () => new Date().toISOString().slice(0, 10);

    it('corrects contact details at once; a new email address becomes a request', async () => {
      const { tenant, client, email, candidate, post, signIn } = await setup();
      await signIn();
      const newEmail = uniqueEmail('ada-new');
      const res = await post(client, 'contact', {
        name: 'Ada Lovelace',
        email: newEmail,
        phone: '+44 20 7946 0000',
        location: 'London',
        links: ['https://ada.example', ''],
      });
      expect(res.status).toBe(303);
      expect(res.headers.get('Location')).toContain('done=contact_updated');
      expect(res.headers.get('Location')).toContain('done=email_change_requested');
      const em = tenantEm(db.orm(), tenant.id);
      const row = await em.findOneOrFail(Candidate, candidate.id);
      expect(row).toMatchObject({
        name: 'Ada Lovelace',
        email,
        phone: '+44 20 7946 0000',
        location: 'London',
        links: ['https://ada.example'],
      });
      const requests = await requestsOf(tenant.id, candidate.id);
      expect(
        requests.map((r) => [r.type, r.status, r.channel, r.verification, r.jurisdiction, r.country]),
      ).toEqual([
        ['rectification', 'completed', 'portal', 'verified', 'eea_uk_ch', 'DE'],
        ['rectification', 'verified', 'portal', 'verified', 'eea_uk_ch', 'DE'],
      ]);
      expect(requests[0]?.dueOn).toBe(addMonths(today(), 1));
      expect(requests[0]?.completedAt).not.toBeNull();
      expect(requests[1]?.details).toContain(newEmail);
      // What was done is described without the values.
      const actions = JSON.stringify(requests.map((r) => r.actions));
      expect(actions).toContain('name, phone, location, links');
      for (const value of ['Ada Lovelace', '7946 0000', 'London', 'ada.example', newEmail])
        expect(actions).not.toContain(value);
      expect(await em.count(AuditEvent, { action: 'portal.rectification', actorId: null })).toBe(2);
    });

    it('shows problems with the contact form and changes nothing', async () => {
      const { tenant, client, candidate, post, signIn } = await setup();
      await signIn();
      const res = await post(client, 'contact', {
        name: '',
        email: candidate.email,
        phone: 'call me',
        location: '',
        links: ['javascript:alert(1)'],
      });
      expect(res.status).toBe(400);
      const page = await res.text();
      expect(page).toContain('Enter a name');
      expect(page).toContain('Enter a phone number');
      expect(page).toContain('aria-invalid="true"');
      expect(await requestsOf(tenant.id, candidate.id)).toHaveLength(0);
      expect((await tenantEm(db.orm(), tenant.id).findOneOrFail(Candidate, candidate.id)).name).toBe(
        'Ada Applicant',
      );
    });

    it('sends other corrections to the team', async () => {
      const { tenant, client, candidate, post, signIn } = await setup();
      await signIn();
      expect((await post(client, 'rectify', { details: '  ' })).status).toBe(400);
      const res = await post(client, 'rectify', { details: 'My answer about the visa was wrong.' });
      expect(res.status).toBe(303);
      const [request] = await requestsOf(tenant.id, candidate.id);
      expect(request).toMatchObject({
        type: 'rectification',
        status: 'verified',
        details: 'My answer about the visa was wrong.',
        completedAt: null,
      });
    });

    it('files requests verified by the emailed code, which staff see as verified and can carry out without verifying again', async () => {
      const { tenant, admin, deps, client, candidate, post, signIn } = await setup();
      await signIn();
      await post(client, 'rectify', { details: 'My answer about the visa was wrong.' });
      await post(client, 'erase', { confirm: 'yes' });
      const staff = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
      const requests = await staff.requests.list({});
      expect(requests.map((r) => [r.type, r.status, r.verification, r.receivedOn]).sort()).toEqual([
        ['erasure', 'verified', 'verified', dayOf()],
        ['rectification', 'verified', 'verified', dayOf()],
      ]);
      for (const request of requests) {
        expect(request.actions[0]).toMatchObject({
          action: 'identity.verified',
          detail: 'portal email code',
          at: expect.any(String),
        });
      }
      const rectification = requests.find((r) => r.type === 'rectification')!;
      expect(
        (await staff.requests.transition({ id: rectification.id, to: 'completed', answer: 'Corrected.' }))
          .status,
      ).toBe('completed');
      const erasure = requests.find((r) => r.type === 'erasure')!;
      expect((await staff.requests.executeErasure({ id: erasure.id })).status).toBe('completed');
      expect(await staff.requests.counts()).toMatchObject({ open: 0 });
      expect((await tenantEm(db.orm(), tenant.id).findOneOrFail(Candidate, candidate.id)).name).toMatch(
        /^Anonymized candidate/,
      );
    });

    it('withdraws a consent at once, with a signed receipt shown and emailed', async () => {
      const { tenant, client, email, candidate, path, post, signIn } = await setup();
      await signIn();
      const res = await post(client, 'consent/withdraw', { purpose: 'talent_pool' });
      expect(res.status).toBe(303);
      const location = res.headers.get('Location') ?? '';
      const receiptId = new URL(location, 'http://x').searchParams.get('receipt');
      expect(receiptId).toBeTruthy();

      const em = tenantEm(db.orm(), tenant.id);
      const events = await em.find(
        ConsentEvent,
        { candidate: candidate.id, purpose: 'talent_pool' },
        { orderBy: { occurredAt: 'asc' } },
      );
      expect(events.map((e) => [e.decision, e.channel])).toEqual([
        ['given', 'careers_apply'],
        ['withdrawn', 'privacy_portal'],
      ]);
      expect(events[1]?.receipt?.id).toBe(receiptId);
      const receipt = await em.findOneOrFail(ConsentReceipt, receiptId as string);
      const payload = verifyJws(receipt.jws, await publicSigningKeys(em)) as TConsentReceiptPayload;
      expect(payload.piiPrincipalId).toBe(email);
      expect(
        payload.services[0]?.purposes.find((p) => p.purposeCategory[0] === 'talent_pool')?.consented,
      ).toBe(false);

      const mail = await em.findOneOrFail(OutboxEmail, { to: email, template: 'portal.consent_withdrawal' });
      expect(Buffer.from(mail.attachments?.[0]?.contentBase64 ?? '', 'base64').toString()).toBe(receipt.jws);
      const [request] = await requestsOf(tenant.id, candidate.id);
      expect(request).toMatchObject({ type: 'consent_withdrawal', status: 'completed' });

      const page = await (await client.request(location)).text();
      expect(page).toContain('Your consent is withdrawn');
      expect(page).toContain(receiptId);
      expect(page).toContain('You withdrew');
      const download = await client.request(path(`receipts/${receiptId}`));
      expect(download.headers.get('Content-Type')).toBe('application/jwt');
      expect(await download.text()).toBe(receipt.jws);

      // Nothing left to withdraw: no second request.
      const again = await post(client, 'consent/withdraw', { purpose: 'talent_pool' });
      expect(again.headers.get('Location')).toContain('nothing_to_withdraw');
      expect(await requestsOf(tenant.id, candidate.id)).toHaveLength(1);
    });

    it('writes its receipts in the candidate’s language, and in English as before', async () => {
      const { tenant, client, email, candidate, post, signIn } = await setup();
      await signIn();
      const portal = `${TEST_ORIGIN}/careers/${tenant.slug}/privacy/portal/`;
      const withdrawn = await post(client, 'consent/withdraw', { purpose: 'talent_pool' });
      const receiptId = new URL(withdrawn.headers.get('Location') ?? '', 'http://x').searchParams.get(
        'receipt',
      );
      await post(client, 'rectify', { details: 'My answer about the visa was wrong.' });
      const em = tenantEm(db.orm(), tenant.id);
      const mailOf = (template: string) => em.findOneOrFail(OutboxEmail, { to: email, template });
      const english = await mailOf('portal.consent_withdrawal');
      expect(english.subject).toBe(`Your consent to ${tenant.name} is withdrawn`);
      expect(english.text).toBe(
        `Hello,\n\nYou withdrew your consent. ${tenant.name} stops this use of your data from now on.\n\nWithdrawn:\n  - Keep my profile in the talent pool and contact me about future roles\n\nYour receipt (${receiptId}) is attached. It is signed by ${tenant.name}; the key to verify it is published at ${TEST_ORIGIN}/careers/${tenant.slug}/jwks.json\n\n--\n${tenant.name} uses Candor to handle applications. To see, download, correct or erase your data, or to withdraw consent: ${portal}\n`,
      );
      const rectification = await mailOf('portal.rectification');
      const [request] = await requestsOf(tenant.id, candidate.id);
      expect(rectification.subject).toBe(`${tenant.name} received your correction request`);
      expect(rectification.text).toContain(
        `Hello,\n\n${tenant.name} has received your request to correct your data. The team answers by ${request!.dueOn} at the latest; you can follow it in the privacy portal.\n\nIf this was not you, tell ${tenant.name} at once.\n\n--\n`,
      );

      // The same person, now known to write in German on a site in English and German.
      const tenantRow = await em.findOneOrFail(Tenant, tenant.id);
      tenantRow.languageSettings = { locales: ['en', 'de'], defaultLocale: 'en' };
      (await em.findOneOrFail(Candidate, candidate.id)).locale = 'de';
      await em.flush();
      expect((await post(client, 'marketing/stop')).status).toBe(303);
      expect((await post(client, 'erase', { confirm: 'yes' })).status).toBe(303);
      const footer = `\n\n--\n${tenant.name} nutzt Candor für die Bearbeitung von Bewerbungen. Um Ihre Daten einzusehen, herunterzuladen, zu berichtigen oder zu löschen oder eine Einwilligung zu widerrufen: ${portal}?lang=de\n`;
      const objection = await mailOf('portal.objection');
      expect(objection.subject).toBe(`Sie erhalten keine Werbe-E-Mails mehr von ${tenant.name}`);
      expect(objection.text).toContain(
        `Guten Tag,\n\nSie haben der Werbung widersprochen. ${tenant.name} sendet Ihnen ab sofort keine Werbe-E-Mails mehr.\n\nWiderrufen:\n  - Send me news about the company and new roles by email\n\nIhr Nachweis (`,
      );
      expect(objection.text).toContain(`Er ist von ${tenant.name} signiert;`);
      expect(objection.text.endsWith(footer)).toBe(true);
      const erasure = await mailOf('portal.erasure');
      const dueOn = (await requestsOf(tenant.id, candidate.id)).find((r) => r.type === 'erasure')!.dueOn;
      const dueInGerman = new Intl.DateTimeFormat('de', { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${dueOn}T00:00:00Z`),
      );
      expect(erasure.subject).toBe(`${tenant.name} hat Ihren Löschantrag erhalten`);
      expect(erasure.text).toBe(
        `Guten Tag,\n\n${tenant.name} hat Ihren Antrag auf Löschung Ihrer Daten erhalten. Das Team führt ihn spätestens am ${dueInGerman} aus und teilt Ihnen mit, wenn er erledigt ist; Sie können ihn im Datenschutzportal verfolgen.\n\nWenn Sie das nicht waren, teilen Sie es ${tenant.name} bitte umgehend mit.${footer}`,
      );
    });

    it('stops marketing email: every marketing-type consent withdrawn, recorded as an objection', async () => {
      const { tenant, client, candidate, post, signIn } = await setup();
      await signIn();
      const res = await post(client, 'marketing/stop');
      expect(res.headers.get('Location')).toContain('done=marketing_stopped');
      const em = tenantEm(db.orm(), tenant.id);
      const latest = await em.find(
        ConsentEvent,
        { candidate: candidate.id },
        { orderBy: { occurredAt: 'desc' } },
      );
      expect(latest.filter((e) => e.decision === 'withdrawn').map((e) => e.purpose)).toEqual(['marketing']);
      const [request] = await requestsOf(tenant.id, candidate.id);
      expect(request).toMatchObject({ type: 'objection', status: 'completed' });
      expect(request?.actions.map((a) => a.action)).toEqual([
        'identity.verified',
        'consent.withdraw',
        'marketing.objection',
      ]);
    });

    it('restricts processing, and tells only the recipients that received the data (Art. 19)', async () => {
      const { tenant, client, candidate, path, post, signIn } = await setup();
      const em = tenantEm(db.orm(), tenant.id);
      const tenantRow = await em.findOneOrFail(Tenant, tenant.id);
      const recipient = {
        role: 'controller',
        purpose: 'Background checks',
        country: 'US',
        safeguard: 'scc',
        hrExport: false,
      } as const;
      tenantRow.privacySettings = {
        ...DEFAULT_PRIVACY_SETTINGS,
        recipients: [
          { ...recipient, name: 'Checkr', notifyEmail: 'privacy@checkr.example' },
          { ...recipient, name: 'Sterling', notifyEmail: 'privacy@sterling.example' },
        ],
      };
      // Checkr received the person's name and address; Sterling never received anything about them.
      recordDisclosure(em, {
        tenantId: tenant.id,
        candidateId: candidate.id,
        recipient: {
          name: 'Checkr',
          kind: 'controller',
          country: 'US',
          safeguard: 'scc',
          notifyEmail: 'privacy@checkr.example',
        },
        categories: ['user.name', 'user.contact.email'],
        purpose: 'Background check',
        via: 'manual',
        userId: null,
      });
      await em.flush();
      await signIn();
      expect((await post(client, 'restrict')).status).toBe(303);
      const notices = await tenantEm(db.orm(), tenant.id).find(OutboxEmail, { template: 'recipient_notice' });
      expect(notices.map((n) => n.to)).toEqual(['privacy@checkr.example']);
      expect(notices[0]!.text).toContain(candidate.email);
      expect(notices[0]!.text).toContain('Email address, Name');
      expect(
        (await tenantEm(db.orm(), tenant.id).findOneOrFail(Candidate, candidate.id)).restrictedAt,
      ).not.toBeNull();
      await post(client, 'restrict');
      const requests = await requestsOf(tenant.id, candidate.id);
      expect(requests.map((r) => [r.type, r.status])).toEqual([['restriction', 'completed']]);
      expect(requests[0]?.actions.map((a) => [a.action, a.detail])).toContainEqual([
        'recipients.notified',
        'Checkr',
      ]);
      const page = await (await client.request(path())).text();
      expect(page).toContain('Processing of your data is restricted since');
      // The portal lists who received the data (Art. 15(1)(c)).
      expect(page).toContain('Who received your data');
      expect(page).toContain('data-recipient="Checkr"');
      expect(page).not.toContain('Sterling');
    });

    it('tells no recipient of a correction when none received the person’s data', async () => {
      const { tenant, client, email, candidate, post, signIn } = await setup();
      const em = tenantEm(db.orm(), tenant.id);
      const tenantRow = await em.findOneOrFail(Tenant, tenant.id);
      tenantRow.privacySettings = {
        ...DEFAULT_PRIVACY_SETTINGS,
        recipients: [
          {
            name: 'Checkr',
            role: 'controller',
            purpose: 'Background checks',
            country: 'US',
            safeguard: 'scc',
            notifyEmail: 'privacy@checkr.example',
            hrExport: false,
          },
        ],
      };
      await em.flush();
      await signIn();
      const res = await post(client, 'contact', {
        name: candidate.name,
        email,
        phone: '+49 30 1234567',
        location: '',
        links: [],
      });
      expect(res.headers.get('Location')).toContain('done=contact_updated');
      expect(await tenantEm(db.orm(), tenant.id).count(OutboxEmail, { template: 'recipient_notice' })).toBe(
        0,
      );
    });

    it('takes an erasure request for the team, once confirmed', async () => {
      const { tenant, client, candidate, path, post, signIn } = await setup();
      await signIn();
      const unconfirmed = await post(client, 'erase');
      expect(unconfirmed.status).toBe(400);
      expect(await unconfirmed.text()).toContain('Tick the box to confirm');
      expect((await post(client, 'erase', { confirm: 'yes' })).status).toBe(303);
      await post(client, 'erase', { confirm: 'yes' });
      const requests = await requestsOf(tenant.id, candidate.id);
      expect(requests.map((r) => [r.type, r.status, r.completedAt])).toEqual([['erasure', 'verified', null]]);
      expect((await tenantEm(db.orm(), tenant.id).findOneOrFail(Candidate, candidate.id)).name).toBe(
        'Ada Applicant',
      );
      const page = await (await client.request(path())).text();
      expect(page).toContain('You asked for erasure on');
      expect(page).toContain('data-request-type="erasure"');
    });

    it('downloads the data as a zip and records the access request', async () => {
      const { tenant, client, candidate, post, signIn } = await setup();
      await signIn();
      const res = await post(client, 'export');
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toBe('application/zip');
      expect(res.headers.get('Content-Disposition')).toContain(`${tenant.slug}-my-data-`);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
      expect(bytes.includes(Buffer.from('Ada Applicant'))).toBe(true);
      const [request] = await requestsOf(tenant.id, candidate.id);
      expect(request).toMatchObject({ type: 'access', status: 'completed' });
    });

    it('gives out only the signed-in applicant’s receipts', async () => {
      const { tenant, client, path, signIn } = await setup();
      await signIn();
      // A receipt of someone else at the same tenant.
      const someone = await setup();
      const theirs = await tenantEm(db.orm(), someone.tenant.id).findOneOrFail(ConsentEvent, {
        candidate: someone.candidate.id,
        receipt: { $ne: null },
      });
      expect((await client.request(path(`receipts/${theirs.receipt?.id}`))).status).toBe(404);
      expect((await client.request(path('receipts/not-a-uuid'))).status).toBe(404);
      expect(tenant.id).not.toBe(someone.tenant.id);
    });
  });

  it('writes nothing personal to the logs', async () => {
    const { deps, client, email, post, signIn, askCode } = await setup();
    const { code } = await askCode(client, uniqueEmail('ghost'));
    await signIn();
    await post(client, 'contact', {
      name: 'Ada Lovelace',
      email,
      phone: '+44 20 7946 0000',
      location: 'London',
      links: [],
    });
    await post(client, 'consent/withdraw', { purpose: 'talent_pool' });
    await post(client, 'erase', { confirm: 'yes' });
    const logs = deps.logLines.join('\n');
    expect(logs).toContain('/privacy/portal/');
    for (const value of [email, 'Ada', 'Lovelace', '7946 0000', 'London', 'ghost'])
      expect(logs).not.toContain(value);
    // As a word: request ids are hex and may hold any six digits inside a longer run.
    expect(logs).not.toMatch(new RegExp(`\\b${code}\\b`));
  });
});
