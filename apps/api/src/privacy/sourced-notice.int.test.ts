import { AuditEvent, Candidate, OutboxEmail } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { sourcedNoticeDueOn } from '@candor/schemas';
import { expect, it } from 'vitest';
import { tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, sessionFor, TEST_ORIGIN, testDeps } from '../testing/test-app.js';
import { sendDueSourcedNotices } from './sourced-notice.js';

const DAY = 86_400_000;

/** GDPR Art. 14: people added by staff are told what is held and where it came from, within a month and before first contact. */
forEachDatabase('Art. 14 notices to people added by staff', (db) => {
  const setup = async (mode: 'when_added' | 'by_hand') => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const admin = await seedUser(em, tenant, 'admin');
    const deps = testDeps(db.orm(), { publishCareers: async () => {} });
    const caller = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
    const settings = await caller.privacy.settings();
    await caller.privacy.updateSettings({ ...settings, sourcedNotice: mode });
    const notices = () =>
      tenantEm(db.orm(), tenant.id).find(
        OutboxEmail,
        { template: 'sourced_notice' },
        { orderBy: { to: 'asc' } },
      );
    const add = (name: string, source: 'sourced' | 'referral' | 'imported' | 'careers_site' = 'sourced') =>
      caller.candidates.create({
        name,
        email: `${name.toLowerCase().replace(/\W+/g, '.')}-${Date.now()}@example.test`,
        phone: '+49 30 1234567',
        links: ['https://www.linkedin.com/in/someone'],
        source,
      });
    return { tenant, caller, notices, add };
  };

  it('tells a sourced person at once, saying what is held and where it came from, with the portal', async () => {
    const { tenant, caller, notices, add } = await setup('when_added');
    const ada = await add('Ada Sourced');
    const [mail] = await notices();
    expect(mail?.to).toBe(ada.email);
    expect(mail?.text).toContain(
      'Where your details came from: our recruiters found your public professional profile.',
    );
    expect(mail?.text).toContain(
      'What we hold: your name; email address; phone number; links to your online profiles.',
    );
    expect(mail?.text).toContain(`${TEST_ORIGIN}/careers/${tenant.slug}/privacy/`);
    expect(mail?.text).toContain(`${TEST_ORIGIN}/careers/${tenant.slug}/privacy/portal/`);
    const shown = await caller.candidates.get({ id: ada.id });
    expect(shown.sourcedNotice?.sentAt).not.toBeNull();
    expect(shown.sourcedNotice?.dueOn).toBe(sourcedNoticeDueOn(new Date(shown.createdAt)));
    expect(
      await tenantEm(db.orm(), tenant.id).count(AuditEvent, {
        action: 'candidate.sourced_notice',
        targetId: ada.id,
      }),
    ).toBe(1);
    // An applicant read the notice as they applied: no such email, no clock.
    const applicant = await add('Ben Applicant', 'careers_site');
    expect(applicant.sourcedNotice).toBeNull();
    expect(await notices()).toHaveLength(1);
    // Sending again tells nobody twice.
    expect(await caller.candidates.sendSourcedNotice({ ids: [ada.id, applicant.id] })).toEqual({
      sent: 0,
      skipped: 2,
    });
  });

  it('by hand: queued until staff send it, and always before the first message a recruiter writes', async () => {
    const { caller, notices, add } = await setup('by_hand');
    const cleo = await add('Cleo Referred', 'referral');
    const dan = await add('Dan Imported', 'imported');
    expect(await notices()).toHaveLength(0);
    const queue = await caller.candidates.list({ filter: { notTold: true } });
    expect(queue.data.map((c) => c.name).sort()).toEqual(['Cleo Referred', 'Dan Imported']);
    expect(queue.data.every((c) => c.sourcedNotice?.sentAt === null)).toBe(true);

    expect(await caller.candidates.sendSourcedNotice({ ids: [cleo.id] })).toEqual({ sent: 1, skipped: 0 });
    const [told] = await notices();
    expect(told?.text).toContain('someone who knows you recommended you to us');
    expect((await caller.candidates.list({ filter: { notTold: true } })).data.map((c) => c.name)).toEqual([
      'Dan Imported',
    ]);

    // Writing to Dan tells him first, in the same transaction as the message.
    await caller.messages.compose({ candidateId: dan.id, subject: 'Hello', body: 'Would you like to talk?' });
    const mails = await notices();
    expect(mails.map((m) => m.to).sort()).toEqual([cleo.email, dan.email].sort());
    expect((await caller.candidates.list({ filter: { notTold: true } })).data).toEqual([]);
  });

  it('the deadline round tells whoever is due tomorrow, not those long overdue nor the restricted', async () => {
    const { tenant, notices, add } = await setup('by_hand');
    const due = await add('Eve Due');
    const overdue = await add('Finn Overdue');
    const restricted = await add('Gia Restricted');
    const fresh = await add('Hal Fresh');
    const em = tenantEm(db.orm(), tenant.id);
    const now = new Date();
    // Added a month ago less a day (due tomorrow or today), two months ago (long overdue).
    const monthAgo = new Date(now.getTime() - 30 * DAY);
    await em.nativeUpdate(Candidate, { id: due.id }, { createdAt: monthAgo });
    await em.nativeUpdate(Candidate, { id: overdue.id }, { createdAt: new Date(now.getTime() - 62 * DAY) });
    await em.nativeUpdate(Candidate, { id: restricted.id }, { createdAt: monthAgo, restrictedAt: now });

    expect(await sendDueSourcedNotices(db.orm(), TEST_ORIGIN, now)).toBe(1);
    expect((await notices()).map((m) => m.to)).toEqual([due.email]);
    // A second round (or a second instance) sends nothing more.
    expect(await sendDueSourcedNotices(db.orm(), TEST_ORIGIN, now)).toBe(0);
    expect(fresh.sourcedNotice?.sentAt).toBeNull();
  });
});
