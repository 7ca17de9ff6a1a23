import { subjectGraph } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import {
  DATA_CATEGORIES,
  DEFAULT_PRIVACY_SETTINGS,
  DEFAULT_RETENTION_POLICY,
  LEGAL_BASES,
  PURPOSES,
  type TPurpose,
} from '@candor/schemas';
import { describe, expect, it } from 'vitest';
import { tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, sessionFor, testDeps } from '../testing/test-app.js';

/** The non-empty lines under a `## heading` of the record. */
function sectionOf(markdown: string, heading: string): string[] {
  const after = markdown.split(`\n## ${heading}\n`)[1] ?? '';
  return (after.split('\n## ')[0] ?? '').split('\n').filter((line) => line.trim() !== '');
}

forEachDatabase('record of processing', (db) => {
  describe('Art. 30 record', () => {
    it('lists every data category the catalogue holds about applicants, the tenant purposes, controller, recipients and transfers', async () => {
      const em = db.orm().em.fork();
      const tenant = await seedTenant(em, { name: 'Acme Record Keepers' });
      const admin = await seedUser(em, tenant, 'admin');
      const deps = testDeps(db.orm());
      const caller = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
      await caller.privacy.updateSettings({
        ...DEFAULT_PRIVACY_SETTINGS,
        contactEmail: 'dpo@record.example',
        consentPurposes: [
          ...DEFAULT_PRIVACY_SETTINGS.consentPurposes,
          {
            key: 'events',
            label: 'Invite me to hiring events',
            description: '',
            marketing: true,
            enabled: true,
          },
        ],
        controllerAddress: 'Acme Record Keepers Ltd\nArchivstraße 1\n10115 Berlin',
        dpo: { name: 'Dora Officer', email: 'dora@record.example' },
        recipients: [
          {
            name: 'Mailer Inc',
            role: 'processor',
            purpose: 'Delivers emails to applicants',
            country: 'US',
            safeguard: 'scc',
            notifyEmail: '',
          },
          {
            name: 'Lohn GmbH',
            role: 'controller',
            purpose: 'Runs payroll for hires',
            country: 'de',
            safeguard: 'none',
            notifyEmail: 'privacy@lohn.example',
          },
        ],
        securityMeasures: ['Laptops encrypted and locked after 5 minutes'],
      });
      const { markdown } = await caller.privacy.recordOfProcessing();
      expect(markdown).toContain('# Record of processing activities: Acme Record Keepers');
      expect(markdown).toContain('dpo@record.example');
      expect(markdown).toContain('Invite me to hiring events');
      expect(markdown).toContain('- **Address:** Acme Record Keepers Ltd, Archivstraße 1, 10115 Berlin');
      expect(markdown).toContain('- **Data protection officer:** Dora Officer (dora@record.example)');
      expect(sectionOf(markdown, 'Recipients')).toEqual([
        "- The company's recruiters, admins and the hiring team of each job (internal)",
        '- Candor, as processor, hosting the system',
        '- **Mailer Inc** (processor, US): Delivers emails to applicants',
        '- **Lohn GmbH** (independent controller, DE): Runs payroll for hires',
      ]);
      // Only the recipient outside the EEA is a transfer, with its safeguard in words.
      expect(sectionOf(markdown, 'Transfers to third countries')).toEqual([
        '- **Mailer Inc** to US: Standard contractual clauses (Art. 46(2)(c))',
      ]);
      expect(sectionOf(markdown, 'Technical and organisational security measures').at(-1)).toBe(
        '- Laptops encrypted and locked after 5 minutes',
      );
      const categories = new Set(
        subjectGraph(tenantEm(db.orm(), tenant.id)).flatMap((n) => n.personal.map((p) => p.category)),
      );
      expect(categories.size).toBeGreaterThan(8);
      for (const category of categories)
        expect(markdown).toContain(`- **${DATA_CATEGORIES[category].label}** (\`${category}\`)`);

      const pdf = Buffer.from((await caller.privacy.recordOfProcessingPdf()).contentBase64, 'base64');
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.toString('latin1')).toContain('Acme Record Keepers');
    });

    it('says when there is no DPO and no transfer', async () => {
      const em = db.orm().em.fork();
      const tenant = await seedTenant(em, { name: 'Plain Record Keepers' });
      const admin = await seedUser(em, tenant, 'admin');
      const deps = testDeps(db.orm());
      const caller = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
      const { markdown } = await caller.privacy.recordOfProcessing();
      expect(markdown).toContain('- **Data protection officer:** No data protection officer designated');
      expect(sectionOf(markdown, 'Transfers to third countries')).toEqual(['None']);
      expect(sectionOf(markdown, 'Recipients')).toHaveLength(2);
    });

    it('lists every purpose of the catalogue the tenant uses with its legal basis and retention, and names those it does not use', async () => {
      const em = db.orm().em.fork();
      const tenant = await seedTenant(em, { name: 'Every Purpose Ltd' });
      const admin = await seedUser(em, tenant, 'admin');
      const deps = testDeps(db.orm());
      const caller = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
      const purposes = () =>
        caller.privacy
          .recordOfProcessing()
          .then(({ markdown }) => sectionOf(markdown, 'Purposes and legal bases'));

      // Defaults: no background checks offered, the diversity survey off.
      const before = await purposes();
      const unused = before.find((line) => line.startsWith('- Not in use by this company: '));
      expect(unused).toContain(
        `**${PURPOSES.diversity_reporting.label}** (the diversity survey is off in the Diversity settings)`,
      );
      expect(unused).toContain(
        `**${PURPOSES.background_check.label}** (not offered as a consent purpose in the Privacy settings)`,
      );

      await caller.privacy.updateSettings({
        ...DEFAULT_PRIVACY_SETTINGS,
        consentPurposes: [
          ...DEFAULT_PRIVACY_SETTINGS.consentPurposes,
          {
            key: 'background_check',
            label: 'Check my references before an offer',
            description: '',
            marketing: false,
            enabled: true,
          },
        ],
      });
      await caller.diversity.saveSettings({ enabled: true });
      await caller.retention.savePolicy({
        rules: DEFAULT_RETENTION_POLICY.rules.map((r) =>
          r.id === 'talent_pool' ? { ...r, period: { amount: 18, unit: 'months' } } : r,
        ),
        overrides: [{ country: 'CH', ruleId: 'talent_pool', period: { amount: 36, unit: 'months' } }],
      });
      const after = await purposes();
      expect(after.some((line) => line.startsWith('- Not in use'))).toBe(false);
      // Each catalogue purpose (derived, so a new one is covered): one line, its basis, and a retention from the policy in force.
      for (const [key, purpose] of Object.entries(PURPOSES) as Array<
        [TPurpose, (typeof PURPOSES)[TPurpose]]
      >) {
        const lines = after.filter((line) => line.startsWith(`- **${purpose.label}**`));
        expect(lines, key).toHaveLength(1);
        expect(lines[0], key).toContain(`: ${LEGAL_BASES[purpose.legalBasis].article}, `);
        const rules = DEFAULT_RETENTION_POLICY.rules.filter((r) =>
          (purpose.retention as readonly string[]).includes(r.trigger),
        );
        expect(rules.length, key).toBeGreaterThan(0);
        for (const rule of rules) expect(lines[0], `${key}: ${rule.id}`).toContain(rule.label);
      }
      const line = (key: TPurpose) => after.find((l) => l.startsWith(`- **${PURPOSES[key].label}**`)) ?? '';
      expect(line('diversity_reporting')).toContain(
        'Art. 9(2)(a) GDPR, explicit consent (special categories); data subjects: Applicants who consented; special-category data (Art. 9); retention: until consent is withdrawn; ',
      );
      expect(line('talent_pool')).toContain(
        '(asked as "Keep my profile in the talent pool and contact me about future roles")',
      );
      expect(line('talent_pool')).toContain('erased after 18 months (CH: 36 months)');
      expect(line('background_check')).toContain('(asked as "Check my references before an offer")');
      expect(line('recruitment')).toContain('Art. 6(1)(b) GDPR');
      expect(line('recruitment')).not.toContain('until consent is withdrawn');
      expect(line('security')).toContain('data subjects: Staff users');
    });
  });
});
