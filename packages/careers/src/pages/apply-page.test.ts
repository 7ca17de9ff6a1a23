import { applyInputFromForm, applySchemaFor, formFieldErrors, ZApplyConfig } from '@candor/schemas';
import { describe, expect, it } from 'vitest';
import { renderTenantSite } from '../build-site.js';
import {
  seedApplyConfig,
  seedCareersJob,
  seedCareersTenant,
  seedNotice,
  seedQuestion,
} from '../testing/fixtures.js';

const TODAY = '2026-11-20';

function applyConfigOf(page: string): ReturnType<typeof ZApplyConfig.parse> {
  const json = /<script type="application\/json" id="apply-config">([\s\S]*?)<\/script>/.exec(page)?.[1];
  expect(json).toBeDefined();
  return ZApplyConfig.parse((JSON.parse(json!) as { config: unknown }).config);
}

/** Opening tags of one kind, e.g. every <input ...>. */
function tags(page: string, name: string): string[] {
  return page.match(new RegExp(`<${name}\\b[^>]*>`, 'g')) ?? [];
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

describe('apply page', () => {
  const tenant = seedCareersTenant();
  const questions = [
    seedQuestion({ label: 'Your <b>GitHub</b> handle', kind: 'short_text', required: true }),
    seedQuestion({ label: 'A project you are proud of', kind: 'long_text' }),
    seedQuestion({ label: 'Do you have the right to work in the EU?', kind: 'yes_no', required: true }),
    seedQuestion({
      label: 'Preferred team',
      kind: 'single_choice',
      options: ['Motion', 'Vision & "Perception"'],
    }),
    seedQuestion({
      label: 'Home office',
      kind: 'single_choice',
      options: ['A', 'B', 'C', 'D', 'E', 'F', 'G'],
    }),
  ];
  // What the API knows of a question includes the knockout answer; the site must drop it.
  const withKnockout = questions.map((q) =>
    q.kind === 'yes_no' ? { ...q, knockoutAnswer: 'KNOCKOUT-no' } : q,
  );
  const job = seedCareersJob({ questions: withKnockout });
  const apply = seedApplyConfig({ minimumAge: 21 });
  const notices = [
    seedNotice({ version: 1, effectiveOn: '2026-01-01' }),
    seedNotice({ version: 2, effectiveOn: '2026-06-15' }),
  ];
  const site = renderTenantSite({ tenant, jobs: [job], notices, apply, today: TODAY });
  const page = site.get(`jobs/${job.id}/apply/index.html`)!;
  const base = `/careers/${tenant.slug}/`;

  it('is a multipart form that posts to the job without JavaScript', () => {
    const [form] = tags(page, 'form');
    expect(attr(form!, 'method')).toBe('post');
    expect(attr(form!, 'enctype')).toBe('multipart/form-data');
    expect(attr(form!, 'action')).toBe(`${base}jobs/${job.id}/apply`);
    expect(page).toContain(`<script type="module" src="${base}assets/apply.js"></script>`);
    expect(page).toContain('<meta name="robots" content="noindex">');
  });

  it('asks for the common fields, with the resume limited to PDF, Word and OpenDocument', () => {
    const names = tags(page, 'input').map((tag) => attr(tag, 'name'));
    for (const name of ['name', 'email', 'phone', 'location', 'resume', 'ageConfirmed', 'noticeVersion']) {
      expect(names, name).toContain(name);
    }
    expect(names.filter((n) => n === 'links')).toHaveLength(3);
    const resume = tags(page, 'input').find((tag) => attr(tag, 'name') === 'resume')!;
    expect(attr(resume, 'type')).toBe('file');
    expect(attr(resume, 'accept')).toBe('.pdf,.docx,.odt');
    expect(page).toContain('PDF, Word or OpenDocument, up to 10 MB');
    expect(tags(page, 'textarea').map((tag) => attr(tag, 'name'))).toContain('coverLetter');
    // Required fields say so in text, not only with a star or colour.
    expect(page).toMatch(/<label for="f-name">Full name <span class="req">\(required\)<\/span><\/label>/);
    expect(page).not.toMatch(/<label for="f-phone">[^<]*<span class="req">/);
  });

  it('builds each question from its kind, and never shows a knockout answer', () => {
    const named = (name: string) =>
      tags(page, '(?:input|textarea|select)').filter((tag) => attr(tag, 'name') === name);
    const [short, long, yesNo, choice, many] = questions;
    expect(named(`answer:${short!.id}`)).toEqual([
      expect.stringMatching(/^<input type="text"[^>]* maxlength="300"[^>]* required/),
    ]);
    expect(named(`answer:${long!.id}`)).toEqual([expect.stringMatching(/^<textarea/)]);
    expect(named(`answer:${yesNo!.id}`).map((tag) => attr(tag, 'value'))).toEqual(['yes', 'no']);
    expect(
      named(`answer:${yesNo!.id}`).every((tag) => tag.includes('type="radio"') && tag.includes(' required')),
    ).toBe(true);
    expect(named(`answer:${choice!.id}`).map((tag) => attr(tag, 'value'))).toEqual([
      'Motion',
      'Vision &amp; &quot;Perception&quot;',
    ]);
    expect(named(`answer:${many!.id}`)).toEqual([expect.stringMatching(/^<select/)]);
    // Radio groups are fieldsets named by their question.
    expect(page).toMatch(
      /<fieldset class="field choice"[^>]*>\s*<legend>Do you have the right to work in the EU\? <span class="req">/,
    );
    expect(page).not.toContain('KNOCKOUT');
    expect(page).not.toContain('knockout');
    expect(applyConfigOf(page).questions).toEqual(questions);
  });

  it('escapes labels and options, in the markup and in the embedded config', () => {
    expect(page).toContain('Your &lt;b&gt;GitHub&lt;/b&gt; handle');
    expect(page).not.toContain('<b>GitHub</b>');
    const script = /<script type="application\/json" id="apply-config">([\s\S]*?)<\/script>/.exec(page)![1]!;
    expect(script).not.toContain('<');
    expect(script).toContain('\\u003cb>GitHub');
  });

  it('cannot be broken out of by a question that closes the script', () => {
    const evil = seedCareersJob({
      questions: [seedQuestion({ label: '</script><script>alert(1)</script>', options: [] })],
    });
    const evilPage = renderTenantSite({ tenant, jobs: [evil], notices, apply, today: TODAY }).get(
      `jobs/${evil.id}/apply/index.html`,
    )!;
    expect(evilPage.match(/<script\b[^>]*>/g)).toEqual([
      `<script type="module" src="${base}assets/apply.js">`,
      '<script type="application/json" id="apply-config">',
    ]);
    expect(applyConfigOf(evilPage).questions[0]!.label).toBe('</script><script>alert(1)</script>');
  });

  it('offers each purpose as an unticked box, states the basis of applying itself, and asks for the age', () => {
    const boxes = tags(page, 'input').filter((tag) => tag.includes('type="checkbox"'));
    expect(boxes.map((tag) => attr(tag, 'name'))).toEqual([
      'consent:talent_pool',
      'consent:marketing',
      'ageConfirmed',
    ]);
    expect(boxes.some((tag) => /\schecked\b/.test(tag))).toBe(false);
    expect(boxes[2]).toContain(' required');
    expect(boxes.slice(0, 2).some((tag) => tag.includes('required'))).toBe(false);
    expect(page).toContain('I am at least 21 years old');
    expect(page).toContain(apply.purposes[0]!.description);
    // The marketing purpose is the one a GPC signal declines; its note waits hidden for the script.
    expect(boxes[1]).toContain('data-marketing');
    expect(page).toMatch(/<p class="hint gpc-note" id="f-consent_3a_marketing-gpc" hidden>/);
    // Applying is not a consent: it is explained, with its legal basis, and has no box.
    expect(page).toContain('Art. 6(1)(b) GDPR');
    expect(page).toMatch(/<fieldset class="field consents"[^>]*>\s*<legend>/);
  });

  it('names the notice in effect, links to it and sends its version', () => {
    expect(page).toContain('Privacy notice version 2, in effect since June 15, 2026.');
    expect(page).toContain(`href="${base}privacy/versions/2/"`);
    expect(page).toContain('<input type="hidden" name="noticeVersion" value="2">');
    expect(applyConfigOf(page)).toMatchObject({
      noticeVersion: 2,
      minimumAge: 21,
      askSalaryExpectation: false,
    });
  });

  it('gives every field a label, its hint and error by aria-describedby, and an error slot the script fills', () => {
    const ids = new Set([...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const controls = tags(page, '(?:input|textarea|select)').filter((tag) => !tag.includes('type="hidden"'));
    for (const control of controls) {
      const id = attr(control, 'id')!;
      expect(page, id).toContain(`<label for="${id}">`);
      const describedBy = attr(control, 'aria-describedby');
      for (const ref of describedBy?.split(' ') ?? []) expect(ids, `${id} -> ${ref}`).toContain(ref);
    }
    const slots = [...page.matchAll(/data-error-for="([^"]+)"/g)].map((m) => m[1]);
    expect(slots).toEqual(
      expect.arrayContaining([
        'name',
        'email',
        'resume',
        'links',
        'ageConfirmed',
        `answer:${questions[2]!.id}`,
        'consent:marketing',
      ]),
    );
    expect(page).toMatch(
      /<p class="field-error" id="f-email-error" data-error-for="email" data-label="Email" data-target="f-email" aria-live="polite"><\/p>/,
    );
    expect(page).toMatch(
      /<div class="error-summary" id="error-summary" tabindex="-1" aria-labelledby="error-summary-title" hidden>/,
    );
    expect(page).toContain(
      '<progress id="upload-progress" max="100" value="0" aria-label="Upload progress"></progress>',
    );
  });

  it('embeds a config the shared schema accepts, so the browser checks what the server checks', () => {
    const schema = applySchemaFor(applyConfigOf(page));
    const input = {
      name: 'Ada',
      email: 'ada@example.test',
      ageConfirmed: true,
      noticeVersion: '2',
      resume: { name: 'cv.pdf', size: 1000 },
      answers: { [questions[0]!.id]: 'ada', [questions[2]!.id]: 'maybe' },
    };
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([`answers.${questions[2]!.id}`]);
  });

  it('asks for a salary expectation only when the tenant wants it, and never for salary history', () => {
    expect(page).not.toContain('name="salaryExpectation"');
    const asking = renderTenantSite({
      tenant,
      jobs: [job],
      notices,
      apply: seedApplyConfig({ askSalaryExpectation: true }),
      today: TODAY,
    });
    const salaryPage = asking.get(`jobs/${job.id}/apply/index.html`)!;
    expect(salaryPage).toContain('name="salaryExpectation"');
    expect(salaryPage).toContain('We never ask what you earn now or earned before.');
    expect(salaryPage).not.toMatch(/name="(salaryHistory|currentSalary)"/);
  });

  it('renders no consent fieldset when the tenant offers no optional purpose', () => {
    const none = renderTenantSite({
      tenant,
      jobs: [job],
      notices,
      apply: seedApplyConfig({ purposes: [] }),
      today: TODAY,
    });
    const plain = none.get(`jobs/${job.id}/apply/index.html`)!;
    expect(plain).not.toContain('name="consent:');
    expect(plain).toContain('name="ageConfirmed"');
  });

  it('links the job page to the form with a clear button, and tells search engines applying is direct', () => {
    const jobPage = site.get(`jobs/${job.id}/index.html`)!;
    expect(jobPage).toContain(`<a class="button" href="${base}jobs/${job.id}/apply/">Apply now</a>`);
    expect(jobPage).not.toContain('Online applications open soon');
    expect(jobPage).toContain('"directApply":true');
    expect(site.get('sitemap.xml')).not.toContain('/apply/');
  });
});

describe('apply page asking for profile sections', () => {
  const tenant = seedCareersTenant();
  const notices = [seedNotice({ version: 1, effectiveOn: '2026-01-01' })];
  const render = (job: ReturnType<typeof seedCareersJob>, apply = seedApplyConfig()) =>
    renderTenantSite({ tenant, jobs: [job], notices, apply, today: TODAY }).get(
      `jobs/${job.id}/apply/index.html`,
    )!;
  const names = (page: string) =>
    tags(page, '(?:input|textarea|select)').map((tag) => attr(tag, 'name') ?? '');

  it('asks for none by default', () => {
    const page = render(seedCareersJob());
    expect(page).not.toContain('Your background');
    expect(names(page).some((n) => /^(education|workHistory|rightToWork|salaryExpectation)\./.test(n))).toBe(
      false,
    );
  });

  it('asks for the sections the job names, every field optional, in rows that work without JavaScript', () => {
    const job = seedCareersJob({
      country: 'PT',
      profileSections: ['education', 'workHistory', 'rightToWork', 'salaryExpectation'],
    });
    const page = render(job, seedApplyConfig({ askSalaryExpectation: true }));
    expect(page).toContain('<h2 id="s-background">Your background</h2>');
    expect(page).toContain('All optional: your resume is enough.');
    const fields = names(page);
    expect(fields.filter((n) => n.endsWith('.institution'))).toEqual([
      'education.0.institution',
      'education.1.institution',
    ]);
    expect(fields.filter((n) => n.endsWith('.employer'))).toHaveLength(3);
    expect(fields).toContain('salaryExpectation.amount');
    // The structured salary replaces the free-text question.
    expect(fields).not.toContain('salaryExpectation');
    // The right to work is asked about the job's country.
    expect(page).toContain('Are you allowed to work in Portugal?');
    expect(tags(page, 'input').find((tag) => attr(tag, 'name') === 'rightToWork.0.country')).toContain(
      'type="hidden"',
    );
    expect(
      tags(page, 'input').filter(
        (tag) =>
          / required\b/.test(tag) && /name="(education|workHistory|rightToWork|salaryExpectation)/.test(tag),
      ),
    ).toEqual([]);
    // Month fields are month inputs; each is labelled and described.
    const start = tags(page, 'input').find((tag) => attr(tag, 'name') === 'education.0.startDate')!;
    expect(attr(start, 'type')).toBe('month');
    expect(page).toContain(`<label for="${attr(start, 'id')}">From</label>`);
    expect(applyConfigOf(page)).toMatchObject({
      profileSections: job.profileSections,
      rightToWorkCountry: 'PT',
    });
  });

  it('lets the applicant name the country of a remote job', () => {
    const page = render(
      seedCareersJob({ country: null, workplace: 'remote', profileSections: ['rightToWork'] }),
    );
    const country = tags(page, 'input').find((tag) => attr(tag, 'name') === 'rightToWork.0.country')!;
    expect(attr(country, 'type')).toBe('text');
    expect(page).toContain('<legend>Right to work</legend>');
  });

  it('reads what the form sends the way the server does, and says which field is wrong', () => {
    const config = applyConfigOf(
      render(
        seedCareersJob({ country: 'PT', profileSections: ['education', 'rightToWork', 'salaryExpectation'] }),
      ),
    );
    const base: Array<[string, string | { name: string; size: number }]> = [
      ['name', 'Ana Lima'],
      ['email', 'ana@example.test'],
      ['ageConfirmed', 'yes'],
      ['noticeVersion', '1'],
      ['resume', { name: 'cv.pdf', size: 1000 }],
    ];
    const parse = (extra: Array<[string, string]>) =>
      applySchemaFor(config).safeParse(applyInputFromForm([...base, ...extra]));
    const good = parse([
      ['education.0.institution', 'Universidade do Porto'],
      ['education.0.startDate', '2014-09'],
      ['education.0.endDate', ''],
      ['education.1.institution', ''],
      ['rightToWork.0.country', 'PT'],
      ['rightToWork.0.status', 'needs_sponsorship'],
      ['salaryExpectation.amount', '52000'],
      ['salaryExpectation.currency', 'eur'],
      ['salaryExpectation.period', 'year'],
    ]);
    expect(good.success && good.data.profile).toEqual({
      education: [
        { institution: 'Universidade do Porto', degree: '', field: '', startDate: '2014-09', endDate: null },
      ],
      workHistory: [],
      rightToWork: [{ country: 'PT', status: 'needs_sponsorship' }],
      salaryExpectation: { amount: 52000, currency: 'EUR', period: 'year' },
    });
    // Nothing filled in: the resume is enough.
    const empty = parse([
      ['rightToWork.0.country', 'PT'],
      ['salaryExpectation.period', 'year'],
    ]);
    expect(empty.success && empty.data.profile).toEqual({
      education: [],
      workHistory: [],
      rightToWork: [],
      salaryExpectation: null,
    });
    const bad = parse([
      ['education.0.degree', 'MSc'],
      ['education.0.startDate', 'Sept 2014'],
      ['salaryExpectation.amount', 'a lot'],
      ['workHistory.0.employer', 'Acme'],
    ]);
    expect(bad.success).toBe(false);
    expect(formFieldErrors(bad.error!)).toEqual({
      'education.0.institution': ['Required'],
      'education.0.startDate': ['Use the form YYYY-MM, e.g. 2019-09'],
      'salaryExpectation.amount': ['Enter an amount'],
      'salaryExpectation.currency': ['Use the three-letter currency code, e.g. EUR'],
      workHistory: ['Not asked for this job'],
    });
  });
});

describe('no apply page', () => {
  const tenant = seedCareersTenant();
  const open = seedCareersJob();
  const closed = seedCareersJob({
    status: 'closed',
    closedAt: '2026-11-10T09:00:00.000Z',
    validThrough: null,
  });

  it('while no notice is in effect: the job page says applications open soon', () => {
    for (const notices of [undefined, [], [seedNotice({ effectiveOn: '2026-12-01' })]]) {
      const site = renderTenantSite({ tenant, jobs: [open], notices, today: '2026-11-20' });
      expect([...site.keys()].filter((path) => path.includes('/apply/'))).toEqual([]);
      expect(site.get(`jobs/${open.id}/index.html`)).toContain('Online applications open soon');
      expect(site.get(`jobs/${open.id}/index.html`)).toContain('"directApply":false');
    }
  });

  it('from the day the notice takes effect', () => {
    const notices = [seedNotice({ effectiveOn: '2026-12-01' })];
    expect(
      renderTenantSite({ tenant, jobs: [open], notices, today: '2026-11-30' }).has(
        `jobs/${open.id}/apply/index.html`,
      ),
    ).toBe(false);
    expect(
      renderTenantSite({ tenant, jobs: [open], notices, today: '2026-12-01' }).has(
        `jobs/${open.id}/apply/index.html`,
      ),
    ).toBe(true);
  });

  it('for a closed job, which offers no way to apply', () => {
    const site = renderTenantSite({
      tenant,
      jobs: [open, closed],
      notices: [seedNotice()],
      today: '2026-11-20',
    });
    expect(site.has(`jobs/${closed.id}/apply/index.html`)).toBe(false);
    expect(site.get(`jobs/${closed.id}/index.html`)).not.toMatch(/Apply now|\/apply\//);
  });
});
