import { describe, expect, it } from 'vitest';
import { renderTenantSite } from '../build-site.js';
import {
  seedApplyConfig,
  seedApplyResult,
  seedCareersJob,
  seedCareersTenant,
  seedNotice,
  seedQuestion,
} from '../testing/fixtures.js';
import { renderApplyOutcomePage } from './apply-outcome.js';

const tenant = seedCareersTenant();
const base = `/careers/${tenant.slug}/`;
const question = seedQuestion({
  label: 'Do you have the right to work in the EU?',
  kind: 'yes_no',
  required: true,
});
const job = {
  id: '00000000-0000-4000-8000-0000000000aa',
  title: 'Robotics <Engineer>',
  questions: [question],
};

describe('apply outcome page', () => {
  it('confirms a received application with the email and the choices the form made, and nothing about stored records', () => {
    const result = seedApplyResult({
      consented: ['Keep me in the <talent pool>'],
      refused: ['Send me news'],
      noticeVersion: 3,
    });
    const page = renderApplyOutcomePage({ tenant, job, outcome: { kind: 'received', result } });
    expect(page).toContain('<h1 id="outcome-title" tabindex="-1">Application received</h1>');
    expect(page).toContain('<title>Application received - Acme &lt;Robotics&gt;</title>');
    expect(page).toContain('has your application for <strong>Robotics &lt;Engineer&gt;</strong>');
    expect(page).toContain(
      `to <strong data-slot="email">${result.email}</strong>, with your reference and your signed consent receipt`,
    );
    // A second application with the same address gets this same page: it shows only what the form said.
    expect(page).not.toMatch(
      /reference<\/|data-slot="(reference|receipt-id|jws|download|survey)"|\/diversity\//,
    );
    // Each purpose with the applicant's choice.
    expect(page).toContain(
      '<li data-choice="needed"><span class="tag tag-needed">Needed to apply</span> <span data-slot="label">Assessing your application',
    );
    expect(page).toContain(
      '<li data-choice="consented"><span class="tag tag-consented">You agreed</span> <span data-slot="label">Keep me in the &lt;talent pool&gt;</span></li>',
    );
    expect(page).toContain(
      '<li data-choice="refused"><span class="tag tag-refused">You declined</span> <span data-slot="label">Send me news</span></li>',
    );
    expect(page).toMatch(/<p class="hint" data-slot="gpc" hidden>/);
    // In plain words: what the receipt is, why and how to keep it (the PDF in the email), where to withdraw.
    expect(page).toContain('<p>A signed record of what you agreed to when you applied:');
    expect(page).toContain('the version of the privacy notice you were shown, and the date and time.');
    expect(page).toContain(
      `Keep it as proof of what you consented to. You can check your consents, and withdraw any of them at any time, in the <a href="${base}privacy/portal/">privacy portal</a>.`,
    );
    expect(page).toContain('<p>It is attached to the confirmation email as a PDF:');
    // The technical details (the token, the key, how to verify) only inside the disclosure, which needs no script.
    const [before, technical = '', after = ''] = page.split(
      /<details class="receipt-technical">|<\/details>/,
    );
    expect(technical).toMatch(/^\n<summary>Technical details<\/summary>/);
    expect(technical).toContain('JSON Web Signature (ES256)');
    expect(technical).toContain(`<a href="${base}jwks.json">${base}jwks.json</a>`);
    expect(`${before}${after}`).not.toMatch(/JSON Web|ES256|jwks|JWT|token/i);
    expect(page).toContain(`<a data-slot="notice" href="${base}privacy/versions/3/">`);
    expect(page).toContain(`<a href="${base}privacy/portal/">Privacy portal</a>`);
    expect(page).not.toMatch(/<script/);
  });

  it('says when the browser’s GPC signal was honoured', () => {
    const page = renderApplyOutcomePage({
      tenant,
      job,
      outcome: { kind: 'received', result: seedApplyResult({ gpc: true }) },
    });
    expect(page).toMatch(
      /<p class="hint" data-slot="gpc">Your browser’s Global Privacy Control signal was honoured\.<\/p>/,
    );
  });

  it('lists the problems of an invalid application by field, and links back to the form', () => {
    const page = renderApplyOutcomePage({
      tenant,
      job,
      purposes: [{ key: 'talent_pool', label: 'Talent pool' }],
      outcome: {
        kind: 'invalid',
        fieldErrors: {
          email: ['Enter a valid email address'],
          [`answer:${question.id}`]: ['Answer this question', 'second'],
          'consent:talent_pool': ['Unknown purpose'],
          'answer:gone': ['Unknown question'],
          form: ['Send your application with the <form>'],
        },
      },
    });
    expect(page).toContain('<h1 id="outcome-title" tabindex="-1">Some answers need another look</h1>');
    expect(page).toContain('<li><b>Email</b>: Enter a valid email address</li>');
    expect(page).toContain('<li><b>Do you have the right to work in the EU?</b>: Answer this question</li>');
    expect(page).toContain('<li><b>Talent pool</b>: Unknown purpose</li>');
    expect(page).toContain('<li><b>Your answer to a question</b>: Unknown question</li>');
    expect(page).toContain('<li>Send your application with the &lt;form&gt;</li>');
    expect(page).toContain(`<a class="button" href="${base}jobs/${job.id}/apply/">Back to the form</a>`);
  });

  it('explains a closed job and an unavailable form', () => {
    const closed = renderApplyOutcomePage({ tenant, job, outcome: { kind: 'closed' } });
    expect(closed).toContain('This role is closed');
    expect(closed).toContain('Acme &lt;Robotics&gt; is no longer accepting applications');
    const unavailable = renderApplyOutcomePage({
      tenant,
      job,
      outcome: { kind: 'unavailable', message: 'Wait <a> minute' },
    });
    expect(unavailable).toContain('<p>Wait &lt;a&gt; minute</p>');
    expect(unavailable).toContain(`href="${base}jobs/${job.id}/"`);
    for (const page of [closed, unavailable])
      expect(page).toContain('<meta name="robots" content="noindex">');
  });

  it('shows the tenant logo when given one, and refuses a file name that could leave the site', () => {
    const page = renderApplyOutcomePage({ tenant, job, outcome: { kind: 'closed' }, logoFile: 'logo.webp' });
    expect(page).toContain(
      `<img class="logo-img" src="${base}logo.webp" alt="Acme &lt;Robotics&gt;" height="40">`,
    );
    expect(() =>
      renderApplyOutcomePage({ tenant, job, outcome: { kind: 'closed' }, logoFile: '../x.png' }),
    ).toThrow();
  });

  it('is the same markup the apply page’s script fills from its template', () => {
    const careersJob = seedCareersJob({ id: job.id, title: job.title });
    const site = renderTenantSite({
      tenant,
      jobs: [careersJob],
      notices: [seedNotice()],
      apply: seedApplyConfig(),
      today: '2026-11-20',
    });
    const applyPage = site.get(`jobs/${job.id}/apply/index.html`)!;
    const template = /<template id="outcome-received" data-title="([^"]*)">([\s\S]*?)<\/template>/.exec(
      applyPage,
    )!;
    expect(template[1]).toBe('Application received - Acme &lt;Robotics&gt;');
    // Filled with a result, the template's skeleton is the page's: the same elements in the same order.
    const result = seedApplyResult();
    const page = renderApplyOutcomePage({ tenant, job, outcome: { kind: 'received', result } });
    const skeleton = (markup: string) =>
      markup
        .match(/<(\w+)[\s>]/g)!
        .join('')
        .replace(/(<li[\s>])+/g, '<li>');
    const view = /<div id="apply-root">([\s\S]*?)<\/div><\/main>/.exec(page.replace(/\n/g, ''))![1]!;
    expect(skeleton(template[2]!.replace(/\n/g, ''))).toBe(skeleton(view));
    for (const slot of ['email', 'purposes', 'gpc', 'notice']) {
      expect(template[2], slot).toContain(`data-slot="${slot}"`);
    }
    // There is no "already applied" answer: it would tell anyone whether an address applied.
    expect(applyPage).not.toContain('<template id="outcome-already_applied"');
    expect(applyPage).toContain('<template id="outcome-closed"');
  });
});
