import { Application, Candidate, OutboxEmail, Tenant } from '@candor/db';
import { forEachDatabase, seedPublishedNotice, seedTenant, seedUser } from '@candor/db/testing';
import { DOCUMENT_TYPES, type TLanguageSettings } from '@candor/schemas';
import { describe, expect, it } from 'vitest';
import { documentText } from '../files/document-text.js';
import { setJobStatus } from '../jobs/jobs.service.js';
import { applicationFields, postApplication } from '../testing/careers-apply.js';
import { actorOf, seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, httpClient, sessionFor, testDeps } from '../testing/test-app.js';

forEachDatabase('careers languages', (db) => {
  const setup = async (languages: TLanguageSettings = { locales: ['en', 'de'], defaultLocale: 'en' }) => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const admin = await seedUser(em, tenant, 'admin');
    await seedPublishedNotice(em, tenant);
    const deps = testDeps(db.orm());
    const caller = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
    await caller.settings.updateLanguages(languages);
    const actor = actorOf(admin.id, tenant.id);
    const { job } = await seedJobWithApplicant(db.orm(), actor);
    await setJobStatus(tenantEm(db.orm(), tenant.id), actor, job.id, 'open');
    const client = httpClient(deps);
    return { tenant, caller, job, client };
  };

  it('keeps a tenant English only until it chooses, and refuses a default it does not offer', async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const admin = await seedUser(em, tenant, 'admin');
    const deps = testDeps(db.orm());
    const caller = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
    expect(await caller.settings.languages()).toEqual({ locales: ['en'], defaultLocale: 'en' });
    await expect(
      caller.settings.updateLanguages({ locales: ['de', 'fr'], defaultLocale: 'en' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      caller.settings.updateLanguages({ locales: ['de', 'xx' as 'de'], defaultLocale: 'de' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await caller.settings.languages()).toEqual({ locales: ['en'], defaultLocale: 'en' });
  });

  it('sends the entry page on to the browser’s language among the offered ones, without a cookie', async () => {
    const { tenant, client } = await setup();
    const entry = (acceptLanguage?: string) =>
      client.request(`/careers/${tenant.slug}/`, {
        headers: acceptLanguage ? { 'Accept-Language': acceptLanguage } : {},
      });
    const german = await entry('de-DE,de;q=0.9,en;q=0.8');
    expect(german.status).toBe(302);
    expect(german.headers.get('Location')).toBe(`/careers/${tenant.slug}/de/`);
    expect(german.headers.get('Vary')).toContain('Accept-Language');
    expect(german.headers.get('Set-Cookie')).toBeNull();
    expect((await entry('fr-CH, es;q=0.5')).headers.get('Location')).toBe(`/careers/${tenant.slug}/en/`);
    expect((await entry('fr, de;q=0.3, en;q=0.2')).headers.get('Location')).toBe(
      `/careers/${tenant.slug}/de/`,
    );
    expect((await entry()).headers.get('Location')).toBe(`/careers/${tenant.slug}/en/`);
  });

  it('leaves the entry page of a one-language site to the static files', async () => {
    const { tenant, client } = await setup({ locales: ['en'], defaultLocale: 'en' });
    const res = await client.request(`/careers/${tenant.slug}/`, { headers: { 'Accept-Language': 'de' } });
    expect(res.status).not.toBe(302);
  });

  it('stores the language of a German application, confirms it in German and rejects in German', async () => {
    const { tenant, caller, job, client } = await setup();
    await caller.jobs.update({
      id: job.id,
      translations: { de: { title: 'Sensorik-Ingenieurin', descriptionMd: '' } },
    });
    const email = `lena-${Math.random().toString(36).slice(2)}@example.test`;
    const res = await client.request(`/careers/${tenant.slug}/jobs/${job.id}/apply?lang=de`, {
      method: 'POST',
      headers: { Accept: 'text/html', 'Accept-Language': 'en' },
      body: (() => {
        const form = new FormData();
        for (const [name, value] of Object.entries(applicationFields({ name: 'Lena Berg', email }))) {
          if (typeof value === 'string') form.append(name, value);
          else if (value && !Array.isArray(value)) form.append(name, new File([value.bytes], value.name));
        }
        return form;
      })(),
    });
    expect(res.status).toBe(201);
    const page = await res.text();
    expect(page).toContain('<html lang="de">');
    expect(page).toContain('Bewerbung eingegangen');

    const em = tenantEm(db.orm(), tenant.id);
    const candidate = await em.findOneOrFail(Candidate, { email });
    expect(candidate.locale).toBe('de');
    const [confirmation] = await em.find(OutboxEmail, { to: email, template: 'application_received' });
    // The job's German title, as the applicant read it on the site.
    expect(confirmation!.subject).toBe('Wir haben Ihre Bewerbung als Sensorik-Ingenieurin erhalten');
    expect(confirmation!.text).toContain('Guten Tag Lena Berg');
    expect(confirmation!.text).toContain('Ihre Referenznummer:');
    expect(confirmation!.text).toContain('Ihr Einwilligungsnachweis ist als PDF beigefügt.');
    expect(confirmation!.text).toContain('Technische Details: Nachweis ');
    // The readable receipt is in German too; the purposes keep the labels the tenant gave them.
    const pdf = confirmation!.attachments?.find((a) => a.contentType === DOCUMENT_TYPES.pdf);
    const receipt = (
      await documentText(Buffer.from(pdf!.contentBase64, 'base64'), DOCUMENT_TYPES.pdf)
    ).replace(/\s+/g, ' ');
    expect(receipt).toContain(`Einwilligungsnachweis ${tenant.name}, Bewerbung für Sensorik-Ingenieurin`);
    expect(receipt).toContain('Datenschutzhinweise: Version 1,');
    expect(receipt).toContain(': Für die Bewerbung erforderlich. Rechtsgrundlage: Art. 6(1)(b) GDPR');
    expect(receipt).toMatch(/Seite 1 von 1$/);
    const slug = (await em.findOneOrFail(Tenant, tenant.id)).slug;
    expect(confirmation!.text).toContain(
      `${tenant.name} nutzt Candor für die Bearbeitung von Bewerbungen. Um Ihre Daten einzusehen, herunterzuladen, zu berichtigen oder zu löschen oder eine Einwilligung zu widerrufen: `,
    );
    expect(confirmation!.text).toContain(`/careers/${slug}/privacy/portal/?lang=de`);

    const application = await em.findOneOrFail(Application, { candidate });
    await caller.applications.reject({ ids: [application.id], reasonId: 'skills', emailDelayHours: 0 });
    const [rejection] = await em.find(OutboxEmail, { to: email, template: 'rejection' });
    expect(rejection!.subject).toBe(`Ihre Bewerbung als Sensorik-Ingenieurin bei ${tenant.name}`);
    expect(rejection!.text).toContain('Ihre Bewerbung nicht weiter zu berücksichtigen');
  });

  it('sends the portal code in the portal page’s language, and tells a German applicant in German that they already applied', async () => {
    const { tenant, job, client } = await setup();
    const email = `jonas-${Math.random().toString(36).slice(2)}@example.test`;
    const apply = (acceptLanguage: string) =>
      postApplication(
        client,
        { slug: tenant.slug, jobId: job.id },
        applicationFields({ name: 'Jonas Weber', email }),
        { 'Accept-Language': acceptLanguage },
      );
    expect((await apply('de-DE')).status).toBe(201);
    // The second form comes from an English browser; the owner of the address is told in their own language.
    expect((await apply('en-US')).status).toBe(201);
    const em = tenantEm(db.orm(), tenant.id);
    const [again] = await em.find(OutboxEmail, { to: email, template: 'application_already_received' });
    expect(again!.subject).toBe(`Ihre Bewerbung als ${job.title} bei ${tenant.name}`);
    expect(again!.text).toContain('Guten Tag Jonas Weber');
    expect(again!.text).toMatch(/bereits am \d{1,2}\. \p{L}+ \d{4} beworben/u);
    expect(again!.text).toContain(`/careers/${tenant.slug}/privacy/portal/?lang=de`);

    const askCode = async (lang: string) => {
      const res = await client.request(`/careers/${tenant.slug}/privacy/portal/code?lang=${lang}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email }),
      });
      expect(res.status).toBe(200);
      const [code] = await db
        .orm()
        .em.fork()
        .find(
          OutboxEmail,
          { to: email, template: 'portal.code' },
          { filters: false, orderBy: { createdAt: 'desc' }, limit: 1 },
        );
      return code!;
    };
    const german = await askCode('de');
    expect(german.subject).toBe(`Ihr Code für das Datenschutzportal von ${tenant.name}`);
    expect(german.text).toMatch(/^ {4}\d{6}$/m);
    expect(german.text).toContain('Er gilt 15 Minuten lang und nur einmal.');
    expect((await askCode('en')).subject).toBe(`Your code for ${tenant.name}'s privacy portal`);
  });

  it('writes to an English applicant in English, with the tenant’s own wording, and Germans in Candor’s German', async () => {
    const { tenant, caller, job, client } = await setup();
    await caller.settings.updateEmailTemplate({
      key: 'application_received',
      text: { subject: 'Thanks, {{candidate_name}}', body: 'We got it.' },
    });
    const apply = async (lang: string) => {
      const email = `${lang.toLowerCase()}-${Math.random().toString(36).slice(2)}@example.test`;
      const res = await postApplication(
        client,
        { slug: tenant.slug, jobId: job.id },
        applicationFields({ name: 'Sam Doe', email }),
        { 'Accept-Language': lang },
      );
      expect(res.status).toBe(201);
      const em = tenantEm(db.orm(), tenant.id);
      return em.findOneOrFail(OutboxEmail, { to: email, template: 'application_received' });
    };
    expect((await apply('en-GB')).subject).toBe('Thanks, Sam Doe');
    expect((await apply('de-AT')).subject).toBe(`Wir haben Ihre Bewerbung als ${job.title} erhalten`);
  });

  it('stores a job’s translations and refuses one without a title', async () => {
    const { caller, job } = await setup();
    await expect(
      caller.jobs.update({ id: job.id, translations: { de: { title: ' ', descriptionMd: '' } } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const updated = await caller.jobs.update({
      id: job.id,
      translations: { de: { title: 'Robotik-Ingenieurin', descriptionMd: 'Sie bauen **Roboter**.' } },
    });
    expect(updated.translations).toEqual({
      de: { title: 'Robotik-Ingenieurin', descriptionMd: 'Sie bauen **Roboter**.' },
    });
    expect((await caller.jobs.get({ id: job.id })).translations.de?.title).toBe('Robotik-Ingenieurin');
  });

  it('keeps a notice version’s text per language, and shows it on that language’s pages', async () => {
    const { caller } = await setup();
    const draft = await caller.privacy.saveDraft({
      bodyMd: '# Notice\n\nWe keep your data short.',
      translations: { de: { bodyMd: '# Hinweise\n\nWir bewahren Ihre Daten kurz auf.', changeSummary: '' } },
    });
    expect(draft.translations.de?.bodyMd).toContain('Wir bewahren');
    // Saving the English text alone keeps the German one.
    const again = await caller.privacy.saveDraft({ bodyMd: '# Notice\n\nWe keep your data shorter.' });
    expect(again.translations.de?.bodyMd).toContain('Wir bewahren');
    await expect(
      caller.privacy.saveDraft({ bodyMd: 'x', translations: { de: { bodyMd: ' ', changeSummary: '' } } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
