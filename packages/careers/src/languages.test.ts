import { describe, expect, it } from 'vitest';
import { renderTenantSite } from './build-site.js';
import { renderPortalPage } from './pages/portal-page.js';
import { seedCareersJob, seedNotice } from './testing/fixtures.js';

const tenant = { slug: 'acme', name: 'Acme', primaryColor: '#0f766e', about: '' };
const origin = 'https://jobs.acme.test';
const languages = { locales: ['en', 'de', 'fr'] as const, defaultLocale: 'en' as const };

function jsonLd(page: string): Record<string, unknown> {
  return JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)![1]!);
}

describe('a careers site in several languages', () => {
  const translated = seedCareersJob({
    title: 'Robotics Engineer',
    translations: { de: { title: 'Robotik-Ingenieurin (m/w/d)', descriptionMd: 'Sie bauen **Roboter**.' } },
  });
  const untranslated = seedCareersJob({ title: 'Field Technician', department: 'Operations' });
  const notice = {
    ...seedNotice(),
    translations: { de: { bodyMd: 'Wir verarbeiten Ihre Daten.', changeSummary: '' } },
  };
  const files = renderTenantSite({
    tenant,
    baseUrl: origin,
    languages: { locales: [...languages.locales], defaultLocale: languages.defaultLocale },
    jobs: [translated, untranslated],
    notices: [notice],
    today: '2026-12-01',
  });

  it('renders each language under its folder, in its language, and the default one at the root too', () => {
    expect(files.get('de/index.html')).toContain('<html lang="de">');
    expect(files.get('de/index.html')).toContain('2 offene Stellen');
    expect(files.get('fr/index.html')).toContain('<html lang="fr">');
    expect(files.get('fr/index.html')).toContain('2 postes ouverts');
    expect(files.get('en/index.html')).toContain('2 open roles');
    expect(files.get('index.html')).toContain('<html lang="en">');
    expect(files.get('index.html')).toContain(`<link rel="canonical" href="${origin}/careers/acme/en/">`);
    expect(files.has('es/index.html')).toBe(false);
  });

  it('links every language with hreflang, x-default to the entry page, and a switcher of plain links', () => {
    const page = files.get(`de/jobs/${translated.id}/index.html`)!;
    for (const locale of languages.locales)
      expect(page).toContain(
        `<link rel="alternate" hreflang="${locale}" href="${origin}/careers/acme/${locale}/jobs/${translated.id}/">`,
      );
    expect(page).toContain(
      `<link rel="alternate" hreflang="x-default" href="${origin}/careers/acme/jobs/${translated.id}/">`,
    );
    expect(page).not.toContain('rel="canonical"');
    expect(page).toContain('<nav class="languages" aria-label="Sprache">');
    expect(page).toContain(
      `<a href="/careers/acme/fr/jobs/${translated.id}/" lang="fr" hreflang="fr">Français</a>`,
    );
    expect(page).toContain('lang="de" hreflang="de" aria-current="page">Deutsch</a>');
  });

  it('shows a job in its translation, with JobPosting in that language', () => {
    const page = files.get(`de/jobs/${translated.id}/index.html`)!;
    expect(page).toContain('<h1>Robotik-Ingenieurin (m/w/d)</h1>');
    expect(page).toContain('<strong>Roboter</strong>');
    expect(page).toContain('Über die Stelle');
    expect(jsonLd(page)).toMatchObject({
      title: 'Robotik-Ingenieurin (m/w/d)',
      inLanguage: 'de',
      url: `${origin}/careers/acme/de/jobs/${translated.id}/`,
    });
    expect(jsonLd(files.get(`en/jobs/${translated.id}/index.html`)!)).toMatchObject({
      title: 'Robotics Engineer',
      inLanguage: 'en',
    });
  });

  it('falls back to the default wording of an untranslated job, marked as that language', () => {
    const page = files.get(`de/jobs/${untranslated.id}/index.html`)!;
    expect(page).toContain('<h1><span lang="en">Field Technician</span></h1>');
    expect(page).toContain('Details zur Stelle');
    expect(jsonLd(page)).toMatchObject({ title: 'Field Technician', inLanguage: 'en' });
  });

  it('shows each notice version in the language it was written in', () => {
    expect(files.get('de/privacy/versions/1/index.html')).toContain('Wir verarbeiten Ihre Daten.');
    expect(files.get('fr/privacy/versions/1/index.html')).toContain('How we handle your application');
  });

  it('sends the apply form and the portal links to the server with the language', () => {
    const apply = files.get(`de/jobs/${translated.id}/apply/index.html`)!;
    expect(apply).toContain(`action="/careers/acme/jobs/${translated.id}/apply?lang=de"`);
    expect(apply).toContain('<script type="module" src="/careers/acme/assets/apply.js">');
    expect(apply).toContain('Bewerbung absenden');
    expect(apply).toContain('"Enter your name":"Geben Sie Ihren Namen ein"');
    expect(files.get('de/index.html')).toContain('href="/careers/acme/privacy/portal/?lang=de"');
  });

  it('lists every language’s pages in the sitemap', () => {
    const sitemap = files.get('sitemap.xml')!;
    expect(sitemap).toContain(`<loc>${origin}/careers/acme/de/jobs/${translated.id}/</loc>`);
    expect(sitemap).toContain(`<loc>${origin}/careers/acme/fr/privacy/</loc>`);
  });

  it('renders the portal in the asked language with a switcher that keeps the page', () => {
    const page = renderPortalPage({
      tenant,
      view: { kind: 'sign_in' },
      locale: 'de',
      languages: { locales: ['en', 'de', 'fr'], defaultLocale: 'en' },
    });
    expect(page).toContain('<html lang="de">');
    expect(page).toContain('Code senden');
    expect(page).toContain('action="/careers/acme/privacy/portal/code?lang=de"');
    expect(page).toContain(
      '<a href="/careers/acme/privacy/portal/?lang=fr" lang="fr" hreflang="fr">Français</a>',
    );
  });
});

describe('a careers site in one language', () => {
  it('stays as it was: no language folders, switcher, hreflang or lang parameters', () => {
    const job = seedCareersJob();
    const files = renderTenantSite({ tenant, baseUrl: origin, jobs: [job], notices: [seedNotice()] });
    expect([...files.keys()].some((path) => /^(en|de|fr|es)\//.test(path))).toBe(false);
    const page = files.get(`jobs/${job.id}/apply/index.html`)!;
    expect(page).not.toMatch(/hreflang|class="languages"|\?lang=/);
    expect(page).toContain(`action="/careers/acme/jobs/${job.id}/apply"`);
  });

  it('can be in German alone', () => {
    const files = renderTenantSite({
      tenant,
      languages: { locales: ['de'], defaultLocale: 'de' },
      jobs: [seedCareersJob()],
    });
    expect(files.get('index.html')).toContain('<html lang="de">');
    expect(files.get('index.html')).toContain('1 offene Stelle');
  });
});
