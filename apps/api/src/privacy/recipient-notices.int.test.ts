import { OutboxEmail } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { DEFAULT_PRIVACY_SETTINGS, type TRecipient } from '@candor/schemas';
import { describe, expect, it } from 'vitest';
import { tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, sessionFor, testDeps } from '../testing/test-app.js';
import { notifyRecipients } from './recipient-notices.js';

const RECIPIENTS: TRecipient[] = [
  {
    name: 'Postmark (email delivery)',
    role: 'processor',
    purpose: 'Delivers emails',
    country: 'US',
    safeguard: 'scc',
    notifyEmail: '',
  },
  {
    name: 'Checkr background checks',
    role: 'controller',
    purpose: 'Background checks before an offer',
    country: 'US',
    safeguard: 'scc',
    notifyEmail: 'privacy@checkr.example',
  },
  {
    name: 'Lohn GmbH',
    role: 'processor',
    purpose: 'Payroll for hires',
    country: 'DE',
    safeguard: 'none',
    notifyEmail: 'dsr@lohn.example',
  },
];

forEachDatabase('Art. 19 recipient notices', (db) => {
  const setup = async (recipients: TRecipient[], contactEmail = 'privacy@notices.example') => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em, { name: 'Notice Senders' });
    const admin = await seedUser(em, tenant, 'admin');
    const deps = testDeps(db.orm());
    const caller = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
    await caller.privacy.updateSettings({ ...DEFAULT_PRIVACY_SETTINGS, contactEmail, recipients });
    return { tenant };
  };
  const outboxOf = (tenantId: string) =>
    tenantEm(db.orm(), tenantId).find(
      OutboxEmail,
      { template: 'recipient_notice' },
      { orderBy: { to: 'asc' } },
    );

  describe('notifyRecipients', () => {
    it('mails only the recipients with a notice address, and names them', async () => {
      const { tenant } = await setup(RECIPIENTS);
      const notified = await tenantEm(db.orm(), tenant.id).transactional((tx) =>
        notifyRecipients(tx, tenant.id, {
          kind: 'erasure',
          subjectEmail: 'ana@example.test',
          reference: 'AB12CD34',
        }),
      );
      expect(notified).toEqual(['Checkr background checks', 'Lohn GmbH']);

      const mails = await outboxOf(tenant.id);
      expect(mails.map((m) => m.to)).toEqual(['dsr@lohn.example', 'privacy@checkr.example']);
      const checkr = mails.find((m) => m.to === 'privacy@checkr.example');
      expect(checkr?.status).toBe('pending');
      expect(checkr?.subject).toBe(
        'Notice Senders: erasure of personal data (GDPR Art. 19 notice), reference AB12CD34',
      );
      expect(checkr?.text).toContain(
        'The person with email ana@example.test asked us to erase their personal data under Art. 17 GDPR. We have erased it.',
      );
      expect(checkr?.text).toContain(
        'Please erase the data about them that we disclosed to you, and confirm to privacy@notices.example. Our reference: AB12CD34.',
      );
      expect(checkr?.text).toContain('(Background checks before an offer)');
    });

    it('words rectification and restriction notices for what happened, with the detail', async () => {
      const { tenant } = await setup([RECIPIENTS[1] as TRecipient], '');
      const em = tenantEm(db.orm(), tenant.id);
      await em.transactional(async (tx) => {
        await notifyRecipients(tx, tenant.id, {
          kind: 'rectification',
          subjectEmail: 'ben@example.test',
          reference: 'R-1',
          detail: 'Their surname is Müller, not Muller.',
        });
        await notifyRecipients(tx, tenant.id, {
          kind: 'restriction',
          subjectEmail: 'ben@example.test',
          reference: 'R-2',
        });
      });
      const [rectification, restriction] = (await outboxOf(tenant.id)).sort((a, b) =>
        a.subject.localeCompare(b.subject),
      );
      expect(rectification?.subject).toContain('correction of personal data');
      expect(rectification?.text).toContain(
        'asked us to correct their personal data under Art. 16 GDPR. We have corrected it.',
      );
      expect(rectification?.text).toContain('Details: Their surname is Müller, not Muller.');
      expect(rectification?.text).toContain('and confirm to us. Our reference: R-1.');
      expect(restriction?.subject).toContain('restriction of processing');
      expect(restriction?.text).toContain(
        'asked us to restrict the processing of their personal data under Art. 18 GDPR. We have restricted it.',
      );
    });

    it('sends nothing when no recipient has a notice address, or when the caller rolls back', async () => {
      const none = await setup([RECIPIENTS[0] as TRecipient]);
      const em = tenantEm(db.orm(), none.tenant.id);
      expect(
        await em.transactional((tx) =>
          notifyRecipients(tx, none.tenant.id, {
            kind: 'erasure',
            subjectEmail: 'c@example.test',
            reference: 'X',
          }),
        ),
      ).toEqual([]);
      expect(await outboxOf(none.tenant.id)).toEqual([]);

      const some = await setup(RECIPIENTS);
      await expect(
        tenantEm(db.orm(), some.tenant.id).transactional(async (tx) => {
          await notifyRecipients(tx, some.tenant.id, {
            kind: 'erasure',
            subjectEmail: 'c@example.test',
            reference: 'Y',
          });
          throw new Error('the erasure failed');
        }),
      ).rejects.toThrow('the erasure failed');
      expect(await outboxOf(some.tenant.id)).toEqual([]);
    });
  });
});
