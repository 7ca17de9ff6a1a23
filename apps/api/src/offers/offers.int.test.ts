import { Offer, OutboxEmail } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { describe, expect, it } from 'vitest';
import { subjectExport } from '../privacy/subject-export.js';
import { daysFromNow } from '../testing/dates.js';
import { seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, httpClient, sessionFor, TEST_ORIGIN, testDeps } from '../testing/test-app.js';
import { letterPdf } from './letter-pdf.js';

describe('offer letter PDF', () => {
  it('is a well-formed PDF whose cross-reference table points at its objects', () => {
    const pdf = letterPdf({
      heading: 'Offer – Engineer',
      subheading: 'Acme',
      body: `Dear Zoë (you),\n\n${'word '.repeat(1200)}`,
      footer: 'f',
    });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    const startxref = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((offset, i) => {
      expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
    });
    expect(text).toContain('(Dear Zo\xeb \\(you\\),)');
    expect(text).toMatch(/\/Count 2 /); // long text flows onto a second page
  });
});

forEachDatabase('offers', (db) => {
  const setup = async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const recruiter = await seedUser(em, tenant, 'recruiter');
    const admin = await seedUser(em, tenant, 'admin');
    const deps = testDeps(db.orm());
    const as = async (user: { id: string }) => callerFor(deps, await sessionFor(deps, user.id, tenant.id));
    const actor = { userId: recruiter.id, tenantId: tenant.id, role: 'recruiter' as const, requestId: 't' };
    const seeded = await seedJobWithApplicant(db.orm(), actor, {}, { name: 'Olu Offeree' });
    return { tenant, recruiter, admin, deps, rc: await as(recruiter), ac: await as(admin), ...seeded };
  };

  const draft = (applicationId: string, expiresOn = daysFromNow(7)) => ({
    applicationId,
    salary: 68_000,
    currency: 'eur',
    startDate: daysFromNow(30),
    expiresOn,
  });

  it('goes draft → approved by an admin → sent with letter and link → accepted, which hires', async () => {
    const { rc, ac, deps, tenant, applicationId, candidate } = await setup();
    const offer = await rc.offers.create(draft(applicationId));
    expect(offer).toMatchObject({
      status: 'pending_approval',
      currency: 'EUR',
      candidateName: 'Olu Offeree',
    });
    expect(offer.terms).toContain('{{salary}}');
    await expect(rc.offers.send({ id: offer.id })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await expect(rc.offers.approve({ id: offer.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await ac.offers.approve({ id: offer.id })).approvedBy).not.toBeNull();
    const sent = await rc.offers.send({ id: offer.id });
    expect(sent.status).toBe('sent');
    expect((await rc.applications.get({ id: applicationId })).stage.kind).toBe('offer');

    const [mail] = await tenantEm(db.orm(), tenant.id).find(OutboxEmail, { template: 'offer' });
    expect(mail!.to).toBe(candidate.email);
    expect(mail!.attachments![0]).toMatchObject({
      filename: 'offer-letter.pdf',
      contentType: 'application/pdf',
    });
    const letter = Buffer.from(mail!.attachments![0]!.contentBase64, 'base64').toString('latin1');
    expect(letter).toContain('EUR 68,000 per year');
    const link = /(http:\/\/\S+\/offers\/(\S+))/.exec(mail!.text)!;
    const token = link[2]!;

    const web = httpClient(deps);
    const page = await web.request(`/offers/${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Accept offer');
    const crossSite = await web.request(`/offers/${token}`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'decision=accept',
    });
    expect(crossSite.status).toBe(403);
    const malformed = await web.request(`/offers/${token}`, {
      method: 'POST',
      headers: { Origin: TEST_ORIGIN, 'Content-Type': 'multipart/form-data; boundary=x' },
      body: 'not a multipart body',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toContain('Accept offer');
    const accepted = await web.request(`/offers/${token}`, {
      method: 'POST',
      headers: { Origin: TEST_ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'decision=accept',
    });
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toContain('you accepted the offer');
    const app = await rc.applications.get({ id: applicationId });
    expect(app).toMatchObject({ status: 'hired', stage: { kind: 'hired' } });
    expect(app.stageHistory.at(-1)).toMatchObject({ to: { kind: 'hired' }, by: null });
    const again = await web.request(`/offers/${token}`, {
      method: 'POST',
      headers: { Origin: TEST_ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'decision=decline',
    });
    expect(again.status).toBe(409);
    expect((await rc.offers.forApplication({ applicationId }))[0]!.status).toBe('accepted');
  });

  it('keeps the terms as the candidate was sent them, so the offer page and their data export show the same text', async () => {
    const { rc, ac, deps, tenant, applicationId, candidate } = await setup();
    const offer = await rc.offers.create({
      ...draft(applicationId),
      terms: 'Dear {{candidate_name}},\n\nWe offer you {{salary}} as {{job_title}}, from {{start_date}}.',
    });
    await ac.offers.approve({ id: offer.id });
    const sent = await rc.offers.send({ id: offer.id });
    const expected = `Dear Olu Offeree,\n\nWe offer you EUR 68,000 per year as ${sent.jobTitle}, from ${offer.startDate}.`;
    expect(sent.terms).toBe(expected);
    const em = tenantEm(db.orm(), tenant.id);
    expect((await em.findOneOrFail(Offer, offer.id)).terms).toBe(expected);
    const exported = await subjectExport(em, candidate.id, deps);
    expect(exported.records.Offer?.map((r) => r.values.terms)).toEqual([expected]);

    const [mail] = await em.find(OutboxEmail, { template: 'offer' });
    const token = /\/offers\/(\S+)/.exec(mail!.text)![1]!;
    const anonymous = await callerFor(deps);
    expect((await anonymous.offers.view({ token })).terms).toBe(expected);
    const page = await (await httpClient(deps).request(`/offers/${token}`)).text();
    expect(page).toContain('<p>Dear Olu Offeree,</p>');
    expect(page).toContain(`We offer you EUR 68,000 per year as ${sent.jobTitle}`);
    expect(page).not.toContain('{{');
    const letter = Buffer.from(mail!.attachments![0]!.contentBase64, 'base64').toString('latin1');
    expect(letter).toContain('(Dear Olu Offeree,)');
  });

  it('cannot be answered after it expires, and an unknown link finds nothing', async () => {
    const { rc, ac, tenant, applicationId, deps } = await setup();
    const offer = await rc.offers.create(draft(applicationId));
    await ac.offers.approve({ id: offer.id });
    await rc.offers.send({ id: offer.id });
    const em = tenantEm(db.orm(), tenant.id);
    const row = await em.findOneOrFail(Offer, offer.id);
    row.expiresOn = daysFromNow(-1);
    await em.flush();
    expect((await rc.offers.forApplication({ applicationId }))[0]!.status).toBe('expired');
    const [mail] = await em.find(OutboxEmail, { template: 'offer' });
    const token = /\/offers\/(\S+)/.exec(mail!.text)![1]!;
    const anonymous = await callerFor(deps);
    await expect(anonymous.offers.respond({ token, decision: 'accept' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    await expect(anonymous.offers.view({ token: 'x'.repeat(43) })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await httpClient(deps).request(`/offers/${'x'.repeat(43)}`)).status).toBe(404);
  });

  it('allows one open offer per application and uses the tenant terms', async () => {
    const { rc, applicationId } = await setup();
    await rc.offers.create({ ...draft(applicationId), terms: 'Custom terms for {{candidate_name}}' });
    await expect(rc.offers.create(draft(applicationId))).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      rc.offers.create({ ...draft(applicationId), expiresOn: '2001-01-01' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
