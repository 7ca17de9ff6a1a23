import { z } from 'zod';

/** GDPR Art. 6(1) lawful bases, and Art. 9(2)(a) for special-category data. */
export const LEGAL_BASES = {
  'gdpr.6.1.a': { article: 'Art. 6(1)(a) GDPR', label: 'Consent' },
  'gdpr.6.1.b': { article: 'Art. 6(1)(b) GDPR', label: 'Contract, or steps before entering into one' },
  'gdpr.6.1.c': { article: 'Art. 6(1)(c) GDPR', label: 'Legal obligation' },
  'gdpr.6.1.d': { article: 'Art. 6(1)(d) GDPR', label: 'Vital interests' },
  'gdpr.6.1.e': { article: 'Art. 6(1)(e) GDPR', label: 'Public task' },
  'gdpr.6.1.f': { article: 'Art. 6(1)(f) GDPR', label: 'Legitimate interests' },
  'gdpr.9.2.a': { article: 'Art. 9(2)(a) GDPR', label: 'Explicit consent (special categories)' },
} as const satisfies Record<string, { article: string; label: string }>;

export type TLegalBasis = keyof typeof LEGAL_BASES;
export const ZLegalBasis = z.enum(Object.keys(LEGAL_BASES) as [TLegalBasis, ...TLegalBasis[]]);

export function isConsentBasis(basis: TLegalBasis): boolean {
  return basis === 'gdpr.6.1.a' || basis === 'gdpr.9.2.a';
}
