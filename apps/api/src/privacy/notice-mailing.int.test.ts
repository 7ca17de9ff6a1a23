import { Candidate, OutboxEmail, PrivacyNotice } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { dayOf } from '@candor/schemas';
import { expect, it } from 'vitest';
import { actorOf, seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, sessionFor, testDeps } from '../testing/test-app.js';
import { sendNoticeMailings } from './notice-mailing.js';

const PUBLIC_URL = 'https://candor.example';

forEachDatabase('notice change mailing', (db) => {
  const setup = async (candidates: number) => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const admin = await seedUser(em, tenant, 'admin');
    const deps = testDeps(db.orm(), { publishCareers: async () => {} });
    const caller = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
    const actor = actorOf(admin.id, tenant.id);
    const ids: string[] = [];
    for (let i = 0; i < candidates; i += 1) {
      const { candidate } = await seedJobWithApplicant(db.orm(), actor, {}, { name: `Noor Held${i}` });
      ids.push(candidate.id);
    }
    await caller.privacy.saveDraft({ bodyMd: '# Notice\n\nWe now share data with Acme Background Checks.' });
    return { tenant, caller, ids };
  };

  const noticeEmails = (tenantId: string) =>
    tenantEm(db.orm(), tenantId).find(
      OutboxEmail,
      { template: 'notice_changed' },
      { orderBy: { to: 'asc' } },
    );

  it('emails every held candidate once, in batches, skipping restricted and erased ones', async () => {
    const { tenant, caller, ids } = await setup(7);
    const em = tenantEm(db.orm(), tenant.id);
    // One restricted (Art. 18: their address is not used), one erased (only a placeholder left).
    await em.nativeUpdate(Candidate, { id: ids[1] }, { restrictedAt: new Date() });
    await em.nativeUpdate(Candidate, { id: ids[2] }, { email: `anonymized-${ids[2]}@erased.invalid` });

    const published = await caller.privacy.publish({
      effectiveOn: dayOf(),
      materialChange: true,
      changeSummary: 'A background-check provider receives data of finalists.',
      emailCandidates: true,
    });
    expect(published.mailing).toEqual({
      state: 'sending',
      total: 6,
      queued: 0,
      skipped: 0,
      finishedAt: null,
    });
    expect(await noticeEmails(tenant.id)).toHaveLength(0); // the worker sends, not the publish

    // Two batches of 4 per round would finish it; one batch per round proves the cursor resumes.
    await sendNoticeMailings(db.orm(), { publicUrl: PUBLIC_URL, batchSize: 4, maxBatches: 1 });
    let [notice] = await caller.privacy.notices();
    // Batches go in id order (random ids), so which batch meets the restricted candidate varies.
    expect(notice?.mailing?.state).toBe('sending');
    expect((notice?.mailing?.queued ?? 0) + (notice?.mailing?.skipped ?? 0)).toBe(4);
    await sendNoticeMailings(db.orm(), { publicUrl: PUBLIC_URL, batchSize: 4, maxBatches: 1 });
    [notice] = await caller.privacy.notices();
    expect(notice?.mailing).toMatchObject({ state: 'done', total: 6, queued: 5, skipped: 1 });
    expect(notice?.mailing?.finishedAt).not.toBeNull();

    // Another round finds nothing to do: nobody is emailed twice.
    await sendNoticeMailings(db.orm(), { publicUrl: PUBLIC_URL, batchSize: 4 });
    const emails = await noticeEmails(tenant.id);
    expect(emails).toHaveLength(5);
    const emailed = new Set(emails.map((e) => e.candidate?.id));
    expect(emailed).toEqual(new Set([ids[0], ids[3], ids[4], ids[5], ids[6]]));
    const one = emails[0];
    expect(one?.subject).toBe(`${tenant.name} is changing how it handles your data`);
    expect(one?.text).toContain('What changes: A background-check provider receives data of finalists.');
    expect(one?.text).toContain(`${PUBLIC_URL}/careers/${tenant.slug}/privacy/versions/1/`);
    // Like every candidate email, it ends with the privacy portal.
    expect(one?.text).toContain(`${PUBLIC_URL}/careers/${tenant.slug}/privacy/portal/`);
  });

  it('emails no one unless asked, and only for a material change', async () => {
    const { tenant, caller } = await setup(2);
    await expect(
      caller.privacy.publish({ effectiveOn: dayOf(), materialChange: false, emailCandidates: true }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const v1 = await caller.privacy.publish({
      effectiveOn: dayOf(),
      materialChange: true,
      changeSummary: 'New recipient',
    });
    expect(v1.mailing).toBeNull();
    await sendNoticeMailings(db.orm(), { publicUrl: PUBLIC_URL });
    expect(await noticeEmails(tenant.id)).toHaveLength(0);
  });

  it('sends each batch once when two workers race for it', async () => {
    const { tenant, caller } = await setup(5);
    await caller.privacy.publish({
      effectiveOn: dayOf(),
      materialChange: true,
      changeSummary: 'Longer retention',
      emailCandidates: true,
    });
    // Two instances' workers at once: a batch whose cursor moved under it rolls back instead of sending twice.
    await Promise.all([
      sendNoticeMailings(db.orm(), { publicUrl: PUBLIC_URL, batchSize: 2 }),
      sendNoticeMailings(db.orm(), { publicUrl: PUBLIC_URL, batchSize: 2 }),
    ]);
    await sendNoticeMailings(db.orm(), { publicUrl: PUBLIC_URL, batchSize: 2 });
    const emails = await noticeEmails(tenant.id);
    expect(emails).toHaveLength(5);
    expect(new Set(emails.map((e) => e.candidate?.id)).size).toBe(5);
    const [notice] = await tenantEm(db.orm(), tenant.id).find(PrivacyNotice, { version: 1 });
    expect(notice).toMatchObject({ mailingState: 'done', mailingQueued: 5 });
  });
});
