import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AuditEvent,
  Candidate,
  ConsentEvent,
  ConsentReceipt,
  type Orm,
  PrivacyNotice,
  Tenant,
} from '@candor/db';
import { forEachDatabase, seedPublishedNotice, seedTenant, seedUser } from '@candor/db/testing';
import { DEFAULT_PRIVACY_SETTINGS, dayOf, MAX_LOGO_BYTES, type TPrivacySettings } from '@candor/schemas';
import type { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { diskFileStore, type FileStore } from '../files/file-store.js';
import { setJobStatus } from '../jobs/jobs.service.js';
import { updateBranding } from '../settings/branding.service.js';
import { pdfBytes } from '../testing/documents.js';
import { actorOf, seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, httpClient, sessionFor, testDeps } from '../testing/test-app.js';
import { AppError } from '../trpc/app-error.js';
import { fieldErrorsOf as fieldErrorsFromIssues } from '../trpc/init.js';
import { publishedNotices } from './notices.service.js';
import { privacySettingsOf } from './privacy-settings.service.js';

/** The field errors a BAD_REQUEST carries to the client (from zod or from a service). */
async function fieldErrorsOf(call: Promise<unknown>): Promise<Record<string, string[]> | undefined> {
  try {
    await call;
  } catch (error) {
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    const cause = (error as TRPCError).cause;
    if (cause instanceof AppError) return cause.fieldErrors;
    return fieldErrorsFromIssues(
      (cause as unknown as { issues: Parameters<typeof fieldErrorsFromIssues>[0] }).issues,
    );
  }
  throw new Error('expected the call to fail');
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.concat([
  Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'),
  Buffer.alloc(64),
  Buffer.from('ffd9', 'hex'),
]);
const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([0x24, 0, 0, 0]),
  Buffer.from('WEBPVP8 '),
  Buffer.alloc(32),
]);
const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>',
);
const b64 = (bytes: Buffer) => ({ contentBase64: bytes.toString('base64') });

function daysFromToday(days: number): string {
  return dayOf(new Date(Date.now() + days * 86_400_000));
}

function filesIn(root: string): string[] {
  return readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => f.length > 3);
}

forEachDatabase('privacy', (db) => {
  const setup = async (options: { files?: (root: string) => FileStore } = {}) => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const admin = await seedUser(em, tenant, 'admin', { name: 'Ada Admin' });
    const recruiter = await seedUser(em, tenant, 'recruiter');
    const manager = await seedUser(em, tenant, 'hiring_manager');
    const filesRoot = mkdtempSync(join(tmpdir(), 'candor-privacy-files-'));
    const published: string[] = [];
    const deps = testDeps(db.orm(), {
      files: options.files?.(filesRoot) ?? diskFileStore(filesRoot),
      publishCareers: async (tenantId) => {
        published.push(tenantId);
      },
    });
    const as = async (user: { id: string }) => callerFor(deps, await sessionFor(deps, user.id, tenant.id));
    return { tenant, admin, recruiter, manager, deps, filesRoot, published, as, caller: await as(admin) };
  };

  const auditCount = (orm: Orm, tenantId: string, action: string) =>
    tenantEm(orm, tenantId).count(AuditEvent, { action });

  describe('privacy settings', () => {
    it('starts from the defaults, saves, audits and republishes the careers site', async () => {
      const { caller, tenant, published } = await setup();
      expect(await caller.privacy.settings()).toEqual(DEFAULT_PRIVACY_SETTINGS);
      const next: TPrivacySettings = {
        ...DEFAULT_PRIVACY_SETTINGS,
        minimumAge: 16,
        askSalaryExpectation: true,
        contactEmail: 'privacy@example.test',
        consentPurposes: [
          {
            key: 'talent_pool',
            label: 'Keep me in the talent pool',
            description: '',
            marketing: false,
            enabled: true,
          },
          {
            key: 'newsletter',
            label: 'Send me the newsletter',
            description: 'Monthly',
            marketing: true,
            enabled: false,
          },
        ],
      };
      expect(await caller.privacy.updateSettings(next)).toEqual(next);
      expect(await caller.privacy.settings()).toEqual(next);
      expect(await privacySettingsOf(tenantEm(db.orm(), tenant.id), tenant.id)).toEqual(next);
      expect(await auditCount(db.orm(), tenant.id, 'settings.privacy_update')).toBe(1);
      expect(published).toEqual([tenant.id]);
    });

    it('answers bad input with field errors and changes nothing', async () => {
      const { caller, tenant, published } = await setup();
      const purpose = DEFAULT_PRIVACY_SETTINGS.consentPurposes[0]!;
      expect(
        await fieldErrorsOf(
          caller.privacy.updateSettings({
            ...DEFAULT_PRIVACY_SETTINGS,
            consentPurposes: [purpose, { ...purpose, label: 'Again' }],
          }),
        ),
      ).toEqual({ 'consentPurposes.1.key': ['Used twice'] });
      const errors = await fieldErrorsOf(
        caller.privacy.updateSettings({
          ...DEFAULT_PRIVACY_SETTINGS,
          minimumAge: 12,
          askSalaryExpectation: false,
          contactEmail: 'not an email',
          consentPurposes: [{ ...purpose, key: 'Bad Key', label: ' ' }],
        }),
      );
      expect(Object.keys(errors ?? {}).sort()).toEqual([
        'consentPurposes.0.key',
        'consentPurposes.0.label',
        'contactEmail',
        'minimumAge',
      ]);
      expect(errors?.contactEmail).toEqual(['Enter a valid email address']);
      expect(
        (await tenantEm(db.orm(), tenant.id).findOneOrFail(Tenant, tenant.id)).privacySettings,
      ).toBeNull();
      expect(await auditCount(db.orm(), tenant.id, 'settings.privacy_update')).toBe(0);
      expect(published).toEqual([]);
    });

    it('is for owners and admins only', async () => {
      const { as, recruiter, manager } = await setup();
      for (const user of [recruiter, manager]) {
        const caller = await as(user);
        await expect(caller.privacy.settings()).rejects.toMatchObject({ code: 'FORBIDDEN' });
        await expect(caller.privacy.updateSettings(DEFAULT_PRIVACY_SETTINGS)).rejects.toMatchObject({
          code: 'FORBIDDEN',
        });
        await expect(caller.privacy.notices()).rejects.toMatchObject({ code: 'FORBIDDEN' });
        await expect(caller.privacy.saveDraft({ bodyMd: 'Mine now' })).rejects.toMatchObject({
          code: 'FORBIDDEN',
        });
        await expect(
          caller.privacy.publish({ effectiveOn: dayOf(), materialChange: false }),
        ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      }
    });
  });

  describe('privacy notices', () => {
    it('keeps one draft, publishes it as version 1, and never changes a published version', async () => {
      const { caller, tenant, admin, published } = await setup();
      expect(await caller.privacy.notices()).toEqual([]);

      const draft = await caller.privacy.saveDraft({ bodyMd: '# Notice\n\nFirst words.' });
      expect(draft).toMatchObject({
        status: 'draft',
        version: null,
        bodyMd: '# Notice\n\nFirst words.',
        publishedAt: null,
        publishedBy: null,
      });
      const edited = await caller.privacy.saveDraft({ bodyMd: '# Notice\n\nBetter words.' });
      expect(edited.id).toBe(draft.id);
      expect((await caller.privacy.notices()).map((n) => [n.id, n.status, n.bodyMd])).toEqual([
        [draft.id, 'draft', '# Notice\n\nBetter words.'],
      ]);
      expect(published).toEqual([]); // a draft is not on the careers site

      const v1 = await caller.privacy.publish({ effectiveOn: dayOf(), materialChange: false });
      expect(v1).toMatchObject({
        id: draft.id,
        status: 'published',
        version: 1,
        bodyMd: '# Notice\n\nBetter words.',
        effectiveOn: dayOf(),
        materialChange: false,
        changeSummary: '',
        publishedBy: { id: admin.id, name: 'Ada Admin' },
      });
      expect(Date.now() - Date.parse(v1.publishedAt ?? '')).toBeLessThan(60_000);
      expect(published).toEqual([tenant.id]);

      // Saving after publishing starts a new draft; version 1 stays as it was.
      const next = await caller.privacy.saveDraft({ bodyMd: '# Notice\n\nWe now keep data longer.' });
      expect(next.id).not.toBe(v1.id);
      expect(next.status).toBe('draft');
      const v2 = await caller.privacy.publish({
        effectiveOn: daysFromToday(14),
        materialChange: true,
        changeSummary: 'We keep the talent pool for 36 months.',
      });
      expect(v2).toMatchObject({
        version: 2,
        materialChange: true,
        changeSummary: 'We keep the talent pool for 36 months.',
        effectiveOn: daysFromToday(14),
      });
      const third = await caller.privacy.saveDraft({ bodyMd: 'Work in progress' });

      const list = await caller.privacy.notices();
      expect(list.map((n) => [n.status, n.version])).toEqual([
        ['draft', null],
        ['published', 2],
        ['published', 1],
      ]);
      expect(list[0]?.id).toBe(third.id);
      expect(list[2]).toEqual({ ...v1, updatedAt: list[2]?.updatedAt });
      expect(list[2]?.bodyMd).toBe('# Notice\n\nBetter words.');

      const careers = await publishedNotices(tenantEm(db.orm(), tenant.id));
      expect(careers.map((n) => [n.version, n.bodyMd])).toEqual([
        [2, '# Notice\n\nWe now keep data longer.'],
        [1, '# Notice\n\nBetter words.'],
      ]);
      expect(await auditCount(db.orm(), tenant.id, 'notice.draft_save')).toBe(4);
      expect(await auditCount(db.orm(), tenant.id, 'notice.publish')).toBe(2);
    });

    it('refuses to publish without a draft, with a clear message', async () => {
      const { caller, tenant, published } = await setup();
      await seedPublishedNotice(db.orm().em.fork(), tenant);
      await expect(
        caller.privacy.publish({ effectiveOn: dayOf(), materialChange: false }),
      ).rejects.toMatchObject({
        code: 'PRECONDITION_FAILED',
        message: expect.stringMatching(/no draft/i),
      });
      expect((await caller.privacy.notices()).map((n) => n.version)).toEqual([1]);
      expect(await auditCount(db.orm(), tenant.id, 'notice.publish')).toBe(0);
      expect(published).toEqual([]);
    });

    it('refuses backdating and a material change without a summary, keeping the draft a draft', async () => {
      const { caller, tenant, published } = await setup();
      await caller.privacy.saveDraft({ bodyMd: 'Our notice' });
      expect(
        await fieldErrorsOf(
          caller.privacy.publish({ effectiveOn: daysFromToday(-1), materialChange: false }),
        ),
      ).toEqual({
        effectiveOn: [`Choose today (${dayOf()}) or a later day`],
      });
      expect(
        await fieldErrorsOf(
          caller.privacy.publish({ effectiveOn: dayOf(), materialChange: true, changeSummary: '  ' }),
        ),
      ).toEqual({
        changeSummary: ['Say what changed: applicants are told'],
      });
      expect(
        Object.keys(
          (await fieldErrorsOf(
            caller.privacy.publish({ effectiveOn: '1 Dec 2030', materialChange: false }),
          )) ?? {},
        ),
      ).toEqual(['effectiveOn']);
      expect((await caller.privacy.notices()).map((n) => [n.status, n.version])).toEqual([['draft', null]]);
      expect(await auditCount(db.orm(), tenant.id, 'notice.publish')).toBe(0);
      expect(published).toEqual([]);
    });

    it('refuses an empty draft and keeps the saved one', async () => {
      const { caller } = await setup();
      await caller.privacy.saveDraft({ bodyMd: 'Kept' });
      expect(await fieldErrorsOf(caller.privacy.saveDraft({ bodyMd: '   ' }))).toEqual({
        bodyMd: ['Write the notice'],
      });
      expect((await caller.privacy.notices()).map((n) => n.bodyMd)).toEqual(['Kept']);
    });

    it('numbers versions per tenant and shows no other tenant its notices', async () => {
      const a = await setup();
      const b = await setup();
      await a.caller.privacy.saveDraft({ bodyMd: 'A one' });
      await a.caller.privacy.publish({ effectiveOn: dayOf(), materialChange: false });
      await a.caller.privacy.saveDraft({ bodyMd: 'A two' });
      await a.caller.privacy.publish({ effectiveOn: dayOf(), materialChange: false });
      await b.caller.privacy.saveDraft({ bodyMd: 'B one' });
      expect((await b.caller.privacy.publish({ effectiveOn: dayOf(), materialChange: false })).version).toBe(
        1,
      );
      expect((await b.caller.privacy.notices()).map((n) => n.bodyMd)).toEqual(['B one']);
      expect((await a.caller.privacy.notices()).map((n) => n.bodyMd)).toEqual(['A two', 'A one']);
      const rows = await tenantEm(db.orm(), a.tenant.id).find(PrivacyNotice, {});
      expect(rows).toHaveLength(2);
    });
  });

  describe('applications and consent history', () => {
    const applyWithConsents = async () => {
      const ctx = await setup();
      const { tenant, admin, deps, caller } = ctx;
      await seedPublishedNotice(db.orm().em.fork(), tenant);
      await caller.privacy.updateSettings({ ...DEFAULT_PRIVACY_SETTINGS, askSalaryExpectation: true });
      const actor = actorOf(admin.id, tenant.id);
      const { job } = await seedJobWithApplicant(db.orm(), actor, {
        hiringTeam: [{ userId: ctx.manager.id, role: 'hiring_manager' }],
      });
      const { job: otherJob } = await seedJobWithApplicant(db.orm(), actor);
      await setJobStatus(tenantEm(db.orm(), tenant.id), actor, job.id, 'open');
      const form = new FormData();
      const email = `ada-${Math.random().toString(36).slice(2)}@example.test`;
      for (const [name, value] of Object.entries({
        name: 'Ada Applicant',
        email,
        coverLetter: 'I like robots.',
        salaryExpectation: '60,000 EUR a year',
        'consent:talent_pool': 'yes',
        ageConfirmed: 'yes',
        noticeVersion: '1',
      })) {
        form.append(name, value);
      }
      form.append('resume', new File([pdfBytes('Ada')], 'ada.pdf', { type: 'application/pdf' }));
      const res = await httpClient(deps).request(`/careers/${tenant.slug}/jobs/${job.id}/apply`, {
        method: 'POST',
        headers: { Accept: 'application/json' },
        body: form,
      });
      expect(res.status).toBe(201);
      const em = tenantEm(db.orm(), tenant.id);
      const candidate = await em.findOneOrFail(Candidate, { email });
      // The receipt goes to the applicant by email (the response says the same for a first and a repeated application).
      const receipt = await em.findOneOrFail(ConsentReceipt, { candidate });
      return { ...ctx, job, otherJob, candidate, receipt };
    };

    it('shows the notice version, cover letter and salary expectation on the application', async () => {
      const { caller, candidate } = await applyWithConsents();
      const [listed] = (await caller.applications.list({ filter: { candidateId: candidate.id } })).data;
      const application = await caller.applications.get({ id: listed!.id });
      expect(application).toMatchObject({
        noticeVersion: 1,
        coverLetter: 'I like robots.',
        salaryExpectation: '60,000 EUR a year',
      });
    });

    it('leaves them null on an application added by staff', async () => {
      const { caller, admin, tenant } = await setup();
      const { applicationId } = await seedJobWithApplicant(db.orm(), actorOf(admin.id, tenant.id));
      expect(await caller.applications.get({ id: applicationId })).toMatchObject({
        noticeVersion: null,
        coverLetter: null,
        salaryExpectation: null,
      });
    });

    it('lists a candidate’s consent decisions newest first, for those who may see the candidate', async () => {
      const { caller, as, recruiter, manager, tenant, candidate, receipt } = await applyWithConsents();
      const em = tenantEm(db.orm(), tenant.id);
      em.create(ConsentEvent, {
        tenant: tenant.id,
        candidate: candidate.id,
        application: null,
        purpose: 'talent_pool',
        purposeLabel: DEFAULT_PRIVACY_SETTINGS.consentPurposes[0]!.label,
        decision: 'withdrawn',
        noticeVersion: 1,
        channel: 'privacy_portal',
        gpc: true,
        receipt: null,
        occurredAt: new Date(Date.now() + 1000),
      });
      await em.flush();

      const history = await caller.privacy.consentHistory({ candidateId: candidate.id });
      const row = (e: (typeof history)[number]) => [
        e.purpose,
        e.decision,
        e.channel,
        e.gpc,
        e.noticeVersion,
        e.receiptId,
      ];
      expect(history).toHaveLength(3);
      expect(row(history[0]!)).toEqual(['talent_pool', 'withdrawn', 'privacy_portal', true, 1, null]);
      // The two decisions of the application share one moment and one receipt.
      expect(history.slice(1).map(row).sort()).toEqual([
        ['marketing', 'refused', 'careers_apply', false, 1, receipt.id],
        ['talent_pool', 'given', 'careers_apply', false, 1, receipt.id],
      ]);
      expect(history[0]?.purposeLabel).toBe(DEFAULT_PRIVACY_SETTINGS.consentPurposes[0]!.label);
      expect(Date.parse(history[0]!.occurredAt)).toBeGreaterThan(Date.parse(history[2]!.occurredAt));
      expect(await auditCount(db.orm(), tenant.id, 'consent.read')).toBe(1);

      // A recruiter sees all candidates; a hiring manager those of their jobs (this one is).
      expect(await (await as(recruiter)).privacy.consentHistory({ candidateId: candidate.id })).toHaveLength(
        3,
      );
      expect(await (await as(manager)).privacy.consentHistory({ candidateId: candidate.id })).toHaveLength(3);
    });

    it('hides the history exactly as candidates.get hides the candidate', async () => {
      const { tenant, as, manager, admin } = await applyWithConsents();
      const { candidate: stranger } = await seedJobWithApplicant(db.orm(), actorOf(admin.id, tenant.id));
      const asManager = await as(manager);
      await expect(asManager.candidates.get({ id: stranger.id })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(asManager.privacy.consentHistory({ candidateId: stranger.id })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });

      const other = await setup();
      await expect(other.caller.privacy.consentHistory({ candidateId: stranger.id })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(await (await as(admin)).privacy.consentHistory({ candidateId: stranger.id })).toEqual([]);
    });
  });

  describe('branding', () => {
    const valid = { name: 'Acme Robots', primaryColor: '#0f766e', about: 'We build friendly robots.' };

    it('shows the defaults, then saves name, colour, about text and logo, and republishes', async () => {
      const { caller, tenant, deps, published } = await setup();
      expect(await caller.settings.branding()).toEqual({
        name: tenant.name,
        primaryColor: '#1f6feb',
        about: '',
        logoUrl: null,
      });

      const saved = await caller.settings.updateBranding({ ...valid, logo: b64(PNG) });
      expect(saved).toEqual({ ...valid, logoUrl: `/careers/${tenant.slug}/logo.png` });
      expect(await caller.settings.branding()).toEqual(saved);
      const row = await tenantEm(db.orm(), tenant.id).findOneOrFail(Tenant, tenant.id);
      expect(row).toMatchObject({ name: 'Acme Robots', primaryColor: '#0f766e', logoType: 'image/png' });
      expect((await deps.files.read(row.logoKey ?? '')).equals(PNG)).toBe(true);
      expect(published).toEqual([tenant.id]);
      expect(await auditCount(db.orm(), tenant.id, 'settings.branding_update')).toBe(1);
    });

    it('replaces the logo (removing the old file), keeps it when absent, and removes it on null', async () => {
      const { caller, tenant, deps, filesRoot } = await setup();
      const em = () => tenantEm(db.orm(), tenant.id);
      await caller.settings.updateBranding({ ...valid, logo: b64(PNG) });
      const first = (await em().findOneOrFail(Tenant, tenant.id)).logoKey ?? '';

      expect((await caller.settings.updateBranding({ ...valid, logo: b64(JPEG) })).logoUrl).toBe(
        `/careers/${tenant.slug}/logo.jpg`,
      );
      const second = (await em().findOneOrFail(Tenant, tenant.id)).logoKey ?? '';
      expect(second).not.toBe(first);
      await expect(deps.files.read(first)).rejects.toThrow();
      expect(filesIn(filesRoot)).toEqual([join(second.slice(0, 2), second)]);

      expect(await caller.settings.updateBranding({ ...valid, name: 'Renamed' })).toMatchObject({
        name: 'Renamed',
        logoUrl: `/careers/${tenant.slug}/logo.jpg`,
      });
      expect((await caller.settings.updateBranding({ ...valid, logo: b64(WEBP) })).logoUrl).toBe(
        `/careers/${tenant.slug}/logo.webp`,
      );
      const third = (await em().findOneOrFail(Tenant, tenant.id)).logoKey ?? '';

      expect((await caller.settings.updateBranding({ ...valid, logo: null })).logoUrl).toBeNull();
      expect(await em().findOneOrFail(Tenant, tenant.id)).toMatchObject({ logoKey: null, logoType: null });
      await expect(deps.files.read(third)).rejects.toThrow();
      expect(filesIn(filesRoot)).toEqual([]);
    });

    it('refuses what is not a PNG, JPEG or WebP, or too large, with field errors, storing nothing', async () => {
      const { caller, tenant, filesRoot, published } = await setup();
      await caller.settings.updateBranding({ ...valid, logo: b64(PNG) });
      const before = await tenantEm(db.orm(), tenant.id).findOneOrFail(Tenant, tenant.id);
      const files = filesIn(filesRoot);

      const tooLarge = Buffer.concat([PNG, Buffer.alloc(MAX_LOGO_BYTES + 1 - PNG.length)]);
      for (const bytes of [SVG, Buffer.from('GIF89a\x01\x00\x01\x00'), Buffer.alloc(0), tooLarge]) {
        const errors = await fieldErrorsOf(
          caller.settings.updateBranding({
            name: 'Changed',
            primaryColor: '#000000',
            about: '',
            logo: b64(bytes),
          }),
        );
        expect(Object.keys(errors ?? {})).toEqual(['logo']);
      }
      expect(
        await fieldErrorsOf(
          caller.settings.updateBranding({ ...valid, logo: { contentBase64: 'not base64!' } }),
        ),
      ).toHaveProperty(['logo.contentBase64']);
      expect(
        await fieldErrorsOf(
          caller.settings.updateBranding({ name: ' ', primaryColor: 'teal', about: 'x'.repeat(1001) }),
        ),
      ).toEqual({
        name: ['Enter the company name'],
        primaryColor: ['Use a colour like #1f6feb'],
        about: [expect.any(String)],
      });

      const after = await tenantEm(db.orm(), tenant.id).findOneOrFail(Tenant, tenant.id);
      expect(after).toMatchObject({
        name: before.name,
        primaryColor: before.primaryColor,
        about: before.about,
        logoKey: before.logoKey,
      });
      expect(filesIn(filesRoot)).toEqual(files);
      expect(await auditCount(db.orm(), tenant.id, 'settings.branding_update')).toBe(1);
      expect(published).toEqual([tenant.id]);
    });

    it('removes the new file and keeps the old logo when saving fails', async () => {
      const { tenant, admin, deps, filesRoot } = await setup();
      const other = await seedTenant(db.orm().em.fork());
      const em = tenantEm(db.orm(), tenant.id);
      const actor = actorOf(admin.id, tenant.id);
      await updateBranding(em, actor, deps.files, { ...valid, logo: b64(PNG) });
      const oldKey = (await tenantEm(db.orm(), tenant.id).findOneOrFail(Tenant, tenant.id)).logoKey ?? '';
      const files = filesIn(filesRoot);

      // A real database failure after the file is written: the tenant's slug collides with another tenant's.
      const failing: FileStore = {
        ...deps.files,
        put: async (bytes) => {
          const key = await deps.files.put(bytes);
          (await em.findOneOrFail(Tenant, tenant.id)).slug = other.slug;
          return key;
        },
      };
      await expect(updateBranding(em, actor, failing, { ...valid, logo: b64(JPEG) })).rejects.toThrow();
      expect(filesIn(filesRoot)).toEqual(files);
      const row = await tenantEm(db.orm(), tenant.id).findOneOrFail(Tenant, tenant.id);
      expect(row).toMatchObject({ logoKey: oldKey, logoType: 'image/png', slug: tenant.slug });
      expect((await deps.files.read(oldKey)).equals(PNG)).toBe(true);
    });

    it('is for owners and admins only', async () => {
      const { as, recruiter } = await setup();
      const caller = await as(recruiter);
      await expect(caller.settings.branding()).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(caller.settings.updateBranding(valid)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  });
});
