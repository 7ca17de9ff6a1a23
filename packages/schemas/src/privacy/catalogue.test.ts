import { describe, expect, it } from 'vitest';
import { DATA_CATEGORIES, DATA_CATEGORY_NAMES, isSpecialCategory } from './data-categories.js';
import { isConsentBasis, LEGAL_BASES } from './legal-bases.js';
import { PURPOSES } from './purposes.js';
import { RETENTION_TRIGGERS } from './retention.js';

describe('privacy catalogue', () => {
  it('names every category in the fideslang user.* dotted form', () => {
    for (const name of DATA_CATEGORY_NAMES) expect(name).toMatch(/^user(\.[a-z_]+)+$/);
  });

  it('has the recruitment extensions', () => {
    for (const name of [
      'user.professional.history',
      'user.education',
      'user.document.resume',
      'user.recruitment.application',
      'user.recruitment.evaluation',
      'user.financial.salary_expectation',
    ]) {
      expect(DATA_CATEGORIES).toHaveProperty([name]);
    }
  });

  it('gives every purpose a known legal basis and known categories', () => {
    for (const [name, purpose] of Object.entries(PURPOSES)) {
      expect(LEGAL_BASES, name).toHaveProperty([purpose.legalBasis]);
      for (const c of purpose.categories) expect(DATA_CATEGORY_NAMES, `${name}: ${c}`).toContain(c);
    }
  });

  it('processes special categories only on an Art. 9 basis', () => {
    for (const [name, purpose] of Object.entries(PURPOSES)) {
      if (purpose.categories.some((c) => isSpecialCategory(c)))
        expect(purpose.legalBasis, name).toBe('gdpr.9.2.a');
    }
  });

  it('makes every consent-based purpose optional, and only those', () => {
    for (const [name, purpose] of Object.entries(PURPOSES)) {
      expect(purpose.optional, name).toBe(isConsentBasis(purpose.legalBasis));
    }
  });

  it("names the retention rules (by trigger) that end every purpose's data", () => {
    for (const [name, purpose] of Object.entries(PURPOSES)) {
      expect(purpose.retention.length, name).toBeGreaterThan(0);
      for (const trigger of purpose.retention)
        expect(RETENTION_TRIGGERS, `${name}: ${trigger}`).toContain(trigger);
    }
  });
});
