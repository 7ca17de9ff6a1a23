import { subjectGraph } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { DATA_CATEGORIES, DEFAULT_PRIVACY_SETTINGS } from '@candor/schemas';
import { describe, expect, it } from 'vitest';
import { tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, sessionFor, testDeps } from '../testing/test-app.js';

forEachDatabase('record of processing', (db) => {
  describe('Art. 30 record', () => {
    it('lists every data category the catalogue holds about applicants, the tenant purposes and contact', async () => {
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
          { key: 'events', label: 'Invite me to hiring events', description: '', marketing: true, enabled: true },
        ],
      });
      const { markdown } = await caller.privacy.recordOfProcessing();
      expect(markdown).toContain('# Record of processing activities: Acme Record Keepers');
      expect(markdown).toContain('dpo@record.example');
      expect(markdown).toContain('Invite me to hiring events');
      const categories = new Set(subjectGraph(tenantEm(db.orm(), tenant.id)).flatMap((n) => n.personal.map((p) => p.category)));
      expect(categories.size).toBeGreaterThan(8);
      for (const category of categories) expect(markdown).toContain(`- **${DATA_CATEGORIES[category].label}** (\`${category}\`)`);

      const pdf = Buffer.from((await caller.privacy.recordOfProcessingPdf()).contentBase64, 'base64');
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.toString('latin1')).toContain('Acme Record Keepers');
    });
  });
});
