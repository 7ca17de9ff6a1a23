import type { AppRouter } from '@candor/api';
import type { TConsentDecision, TPrivacySettings } from '@candor/schemas';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { describe, expectTypeOf, it } from 'vitest';

type Out = inferRouterOutputs<AppRouter>;
type In = inferRouterInputs<AppRouter>;

/** As in src/types.test.ts: the privacy and branding procedures must not silently become `any`. */
describe('privacy and branding procedures seen from the backoffice', () => {
  it('keeps outputs typed', () => {
    expectTypeOf<Out['privacy']['settings']>().not.toBeAny();
    expectTypeOf<Out['privacy']['settings']>().toEqualTypeOf<TPrivacySettings>();
    expectTypeOf<Out['privacy']['updateSettings']>().not.toBeAny();
    expectTypeOf<Out['privacy']['notices']>().not.toBeAny();
    expectTypeOf<Out['privacy']['notices'][number]['version']>().toEqualTypeOf<number | null>();
    expectTypeOf<Out['privacy']['notices'][number]['status']>().toEqualTypeOf<'draft' | 'published'>();
    expectTypeOf<Out['privacy']['saveDraft']>().not.toBeAny();
    expectTypeOf<Out['privacy']['publish']>().not.toBeAny();
    expectTypeOf<Out['privacy']['consentHistory']>().not.toBeAny();
    expectTypeOf<Out['privacy']['consentHistory'][number]['decision']>().toEqualTypeOf<TConsentDecision>();
    expectTypeOf<Out['settings']['branding']>().not.toBeAny();
    expectTypeOf<Out['settings']['branding']['logoUrl']>().toEqualTypeOf<string | null>();
    expectTypeOf<Out['settings']['updateBranding']>().not.toBeAny();
    expectTypeOf<Out['applications']['get']['noticeVersion']>().toEqualTypeOf<number | null>();
    expectTypeOf<Out['applications']['get']['coverLetter']>().toEqualTypeOf<string | null>();
  });

  it('keeps inputs typed', () => {
    expectTypeOf<In['privacy']['publish']>().not.toBeAny();
    expectTypeOf<In['privacy']['publish']['effectiveOn']>().toEqualTypeOf<string>();
    expectTypeOf<In['privacy']['consentHistory']>().toEqualTypeOf<{ candidateId: string }>();
    expectTypeOf<In['settings']['updateBranding']['logo']>().toEqualTypeOf<
      { contentBase64: string } | null | undefined
    >();
  });
});
