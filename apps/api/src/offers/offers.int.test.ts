import { Candidate, Job, Offer, OutboxEmail, Tenant } from '@candor/db';
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
    const html = await page.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(`<title>Offer from ${tenant.name}</title>`);
    expect(html).toContain(`<h1>Your offer from ${tenant.name}</h1>`);
    expect(html).toContain(
      `<p class="meta">${sent.jobTitle} · EUR 68,000 per year · starting ${sent.startDate}</p>`,
    );
    expect(html).toContain(`<form method="post" action="/offers/${token}">`);
    expect(html).toContain(`<p>Please answer by ${sent.expiresOn}.</p>`);
    expect(html).toContain('>Accept offer</button>');
    expect(html).not.toContain('class="languages"');
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
    expect(await accepted.text()).toContain(
      'Thank you: you accepted the offer. We will be in touch about next steps.',
    );
    const app = await rc.applications.get({ id: applicationId });
    expect(app).toMatchObject({ status: 'hired', stage: { kind: 'hired' } });
    expect(app.stageHistory.at(-1)).toMatchObject({ to: { kind: 'hired' }, by: null });
    const again = await web.request(`/offers/${token}`, {
      method: 'POST',
      headers: { Origin: TEST_ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'decision=decline',
    });
    expect(again.status).toBe(409);
    const answered = await again.text();
    expect(answered).toContain('This offer was already answered');
    expect(answered).toContain('<strong>Status:</strong> Accepted');
    expect((await rc.offers.forApplication({ applicationId }))[0]!.status).toBe('accepted');
  });

  it('shows the offer in the candidate’s language, or another of the tenant’s by ?lang=, and answers in it', async () => {
    const { rc, ac, deps, tenant, applicationId, candidate, job } = await setup();
    const em = tenantEm(db.orm(), tenant.id);
    (await em.findOneOrFail(Tenant, tenant.id)).languageSettings = {
      locales: ['en', 'de'],
      defaultLocale: 'en',
    };
    (await em.findOneOrFail(Candidate, candidate.id)).locale = 'de';
    (await em.findOneOrFail(Job, job.id)).translations = {
      de: { title: 'Roboterflüsterin', descriptionMd: '' },
    };
    await em.flush();
    const offer = await rc.offers.create(draft(applicationId));
    await ac.offers.approve({ id: offer.id });
    await rc.offers.send({ id: offer.id });
    const [mail] = await em.find(OutboxEmail, { template: 'offer' });
    const token = /\/offers\/(\S+)/.exec(mail!.text)![1]!;
    const inGerman = (day: string) =>
      new Intl.DateTimeFormat('de', { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${day}T00:00:00Z`),
      );
    const web = httpClient(deps);

    const german = await (await web.request(`/offers/${token}`)).text();
    expect(german).toContain('<html lang="de">');
    expect(german).toContain(`<title>Angebot von ${tenant.name}</title>`);
    expect(german).toContain(`<h1>Ihr Angebot von ${tenant.name}</h1>`);
    expect(german).toContain(
      `<p class="meta">Roboterflüsterin · 68.000\u00a0€ pro Jahr · Beginn am ${inGerman(offer.startDate)}</p>`,
    );
    expect(german).toContain(`<p>Bitte antworten Sie bis zum ${inGerman(offer.expiresOn)}.</p>`);
    expect(german).toContain('>Angebot annehmen</button>');
    expect(german).toContain(`<form method="post" action="/offers/${token}">`);
    // The switcher: plain links to the page in the tenant's languages.
    expect(german).toContain('<nav class="languages" aria-label="Sprache">');
    expect(german).toContain('<a href="?lang=en" lang="en" hreflang="en">English</a>');
    expect(german).toContain('<a href="?lang=de" lang="de" hreflang="de" aria-current="page">Deutsch</a>');

    // English on request (and the form keeps it); a language the tenant does not offer changes nothing.
    const english = await (await web.request(`/offers/${token}?lang=en`)).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain(
      `<p class="meta">${job.title} · EUR 68,000 per year · starting ${offer.startDate}</p>`,
    );
    expect(english).toContain(`<form method="post" action="/offers/${token}?lang=en">`);
    expect(await (await web.request(`/offers/${token}?lang=fr`)).text()).toContain('<html lang="de">');

    const post = (decision: string) =>
      web.request(`/offers/${token}`, {
        method: 'POST',
        headers: { Origin: TEST_ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `decision=${decision}`,
      });
    const declined = await (await post('decline')).text();
    expect(declined).toContain(
      'Sie haben das Angebot abgelehnt. Vielen Dank, dass Sie uns Bescheid gegeben haben.',
    );
    expect(declined).toContain('<strong>Status:</strong> Abgelehnt');
    const again = await post('accept');
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Auf dieses Angebot wurde bereits geantwortet');
    expect((await rc.offers.forApplication({ applicationId }))[0]!.status).toBe('declined');

    // An unknown link: the language asked for, else the browser's, else English.
    const unknown = `/offers/${'x'.repeat(43)}`;
    const byBrowser = await web.request(unknown, { headers: { 'Accept-Language': 'fr-FR,fr;q=0.9' } });
    expect(byBrowser.status).toBe(404);
    const french = await byBrowser.text();
    expect(french).toContain('<html lang="fr">');
    expect(french).toContain('<h1>Offre introuvable</h1><p>Ce lien d’offre n’est pas valide</p>');
    expect(await (await web.request(`${unknown}?lang=es`)).text()).toContain('Oferta no encontrada');
    const plain = await (await web.request(unknown)).text();
    expect(plain).toContain('<html lang="en">');
    expect(plain).toContain('<h1>Offer not found</h1><p>This offer link is not valid</p>');
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
