import type { AppRouter } from '@candor/api';
import type {
  TApplicationStatus,
  TAttachmentKind,
  TJobStatus,
  TLocale,
  TOfferStatus,
  TRecommendation,
  TRefereeStatus,
  TRole,
  TStageKind,
} from '@candor/schemas';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { describe, expectTypeOf, it } from 'vitest';

type Out = inferRouterOutputs<AppRouter>;
type In = inferRouterInputs<AppRouter>;

/**
 * The router's types silently turn into `any` when something the API's types
 * mention cannot be resolved from here (an ORM type leaking into an output,
 * for one). Then every call of the backoffice still compiles; this fails instead.
 */
describe('AppRouter types seen from the backoffice', () => {
  it('keeps backgroundJobs.list typed', () => {
    expectTypeOf<Out['backgroundJobs']['list']>().not.toBeAny();
    expectTypeOf<Out['backgroundJobs']['list']['jobs'][number]['retryCount']>().toEqualTypeOf<number>();
  });

  it('keeps users.list typed', () => {
    expectTypeOf<Out['users']['list']>().not.toBeAny();
    expectTypeOf<Out['users']['list']['total']>().toEqualTypeOf<number>();
    expectTypeOf<Out['users']['list']['data'][number]['email']>().toEqualTypeOf<string>();
    expectTypeOf<Out['users']['list']['data'][number]['role']>().toEqualTypeOf<TRole>();
    expectTypeOf<Out['users']['list']['data'][number]['status']>().toEqualTypeOf<
      'invited' | 'active' | 'deactivated'
    >();
  });

  it('keeps auth.me typed', () => {
    expectTypeOf<Out['auth']['me']>().not.toBeAny();
    expectTypeOf<Out['auth']['me']['tenant']['name']>().toEqualTypeOf<string>();
    expectTypeOf<Out['auth']['me']['permissions']>().toEqualTypeOf<string[]>();
    expectTypeOf<Out['auth']['me']['memberships'][number]['tenantId']>().toEqualTypeOf<string>();
  });

  it('keeps audit.list typed', () => {
    expectTypeOf<Out['audit']['list']>().not.toBeAny();
    expectTypeOf<Out['audit']['list']['data'][number]['action']>().toEqualTypeOf<string>();
    expectTypeOf<Out['audit']['list']['data'][number]['targetId']>().toEqualTypeOf<string | null>();
  });

  it('keeps inputs typed, so the dataProvider cannot send a wrong shape', () => {
    expectTypeOf<In['users']['invite']>().not.toBeAny();
    expectTypeOf<In['users']['invite']['role']>().toEqualTypeOf<TRole>();
    expectTypeOf<In['users']['update']['status']>().toEqualTypeOf<'active' | 'deactivated' | undefined>();
  });

  it('keeps every hiring and outbox procedure typed', () => {
    expectTypeOf<Out['settings']['hiring']>().not.toBeAny();
    expectTypeOf<Out['settings']['updateHiring']>().not.toBeAny();
    expectTypeOf<Out['settings']['hiring']['payTransparency']>().toEqualTypeOf<boolean>();

    expectTypeOf<Out['jobs']['list']>().not.toBeAny();
    expectTypeOf<Out['jobs']['get']>().not.toBeAny();
    expectTypeOf<Out['jobs']['create']>().not.toBeAny();
    expectTypeOf<Out['jobs']['update']>().not.toBeAny();
    expectTypeOf<Out['jobs']['setStatus']>().not.toBeAny();
    expectTypeOf<Out['jobs']['setStages']>().not.toBeAny();
    expectTypeOf<Out['jobs']['list']['data'][number]['status']>().toEqualTypeOf<TJobStatus>();
    expectTypeOf<Out['jobs']['get']['stages'][number]['kind']>().toEqualTypeOf<TStageKind>();
    expectTypeOf<Out['jobs']['get']['applicationCounts']['active']>().toEqualTypeOf<number>();

    expectTypeOf<Out['candidates']['list']>().not.toBeAny();
    expectTypeOf<Out['candidates']['get']>().not.toBeAny();
    expectTypeOf<Out['candidates']['create']>().not.toBeAny();
    expectTypeOf<Out['candidates']['update']>().not.toBeAny();
    expectTypeOf<Out['candidates']['merge']>().not.toBeAny();
    expectTypeOf<
      Out['candidates']['list']['data'][number]['hasPossibleDuplicates']
    >().toEqualTypeOf<boolean>();
    expectTypeOf<Out['candidates']['get']['possibleDuplicates'][number]['reasons']>().toEqualTypeOf<
      Array<'same_phone' | 'similar_name'>
    >();

    expectTypeOf<Out['applications']['list']>().not.toBeAny();
    expectTypeOf<Out['applications']['get']>().not.toBeAny();
    expectTypeOf<Out['applications']['board']>().not.toBeAny();
    expectTypeOf<Out['applications']['create']>().not.toBeAny();
    expectTypeOf<Out['applications']['move']>().not.toBeAny();
    expectTypeOf<Out['applications']['reject']>().not.toBeAny();
    expectTypeOf<Out['applications']['withdraw']>().not.toBeAny();
    expectTypeOf<Out['applications']['setTags']>().not.toBeAny();
    expectTypeOf<Out['applications']['addNote']>().not.toBeAny();
    expectTypeOf<Out['applications']['revealIdentity']>().not.toBeAny();
    expectTypeOf<Out['applications']['get']['blindReview']['stageIsBlind']>().toEqualTypeOf<boolean>();
    expectTypeOf<
      Out['applications']['list']['data'][number]['candidate']['blind']
    >().toEqualTypeOf<boolean>();
    expectTypeOf<Out['applications']['list']['data'][number]['status']>().toEqualTypeOf<TApplicationStatus>();
    expectTypeOf<Out['applications']['board']['columns'][number]['count']>().toEqualTypeOf<number>();
    expectTypeOf<Out['applications']['move']>().toEqualTypeOf<{
      updated: number;
      skipped: number;
      rejectionEmailsWithdrawn: number;
    }>();
    expectTypeOf<Out['applications']['reject']>().toEqualTypeOf<{ updated: number; skipped: number }>();
    expectTypeOf<Out['applications']['get']['stageHistory'][number]['by']>().toEqualTypeOf<{
      id: string;
      name: string;
    } | null>();

    expectTypeOf<Out['outbox']['list']>().not.toBeAny();
    expectTypeOf<Out['outbox']['get']>().not.toBeAny();
    expectTypeOf<Out['outbox']['get']['status']>().toEqualTypeOf<'pending' | 'sent' | 'failed'>();
  });

  it('keeps hiring inputs typed', () => {
    expectTypeOf<In['applications']['reject']>().not.toBeAny();
    expectTypeOf<In['applications']['reject']['emailDelayHours']>().toEqualTypeOf<
      number | null | undefined
    >();
    expectTypeOf<In['jobs']['setStatus']['status']>().toEqualTypeOf<TJobStatus>();
    expectTypeOf<In['candidates']['merge']>().toEqualTypeOf<{ keepId: string; mergeId: string }>();
  });

  it('keeps interviews, scorecards, offers, attachments, email templates and the directory typed', () => {
    expectTypeOf<Out['interviews']['forApplication']>().not.toBeAny();
    expectTypeOf<
      Out['interviews']['forApplication'][number]['interviewers'][number]['submitted']
    >().toEqualTypeOf<boolean>();
    expectTypeOf<Out['interviews']['schedule']>().not.toBeAny();
    expectTypeOf<Out['interviews']['cancel']>().not.toBeAny();
    expectTypeOf<Out['interviews']['submitScorecard']>().not.toBeAny();
    expectTypeOf<Out['interviews']['scorecards']['visible']>().toEqualTypeOf<boolean>();
    expectTypeOf<
      Out['interviews']['scorecards']['scorecards'][number]['recommendation']
    >().toEqualTypeOf<TRecommendation>();
    expectTypeOf<In['interviews']['submitScorecard']['recommendation']>().toEqualTypeOf<TRecommendation>();

    expectTypeOf<Out['offers']['forApplication']>().not.toBeAny();
    expectTypeOf<Out['offers']['forApplication'][number]['status']>().toEqualTypeOf<TOfferStatus>();
    expectTypeOf<Out['offers']['create']>().not.toBeAny();
    expectTypeOf<Out['offers']['approve']>().not.toBeAny();
    expectTypeOf<Out['offers']['send']>().not.toBeAny();
    expectTypeOf<Out['offers']['withdraw']>().not.toBeAny();
    expectTypeOf<
      Out['references']['forApplication']['referees'][number]['status']
    >().toEqualTypeOf<TRefereeStatus>();
    expectTypeOf<Out['references']['add']>().not.toBeAny();
    expectTypeOf<Out['references']['refereeExport']['references'][number]['answers']>().not.toBeAny();

    expectTypeOf<Out['attachments']['forCandidate']>().not.toBeAny();
    expectTypeOf<Out['attachments']['forCandidate'][number]['kind']>().toEqualTypeOf<TAttachmentKind>();
    expectTypeOf<Out['attachments']['upload']>().not.toBeAny();
    expectTypeOf<Out['attachments']['forApplication']>().not.toBeAny();
    expectTypeOf<Out['attachments']['forApplication'][number]['blind']>().toEqualTypeOf<boolean>();
    expectTypeOf<Out['attachments']['redactedText']['text']>().toEqualTypeOf<string>();

    expectTypeOf<Out['settings']['emailTemplates']>().not.toBeAny();
    expectTypeOf<Out['settings']['emailTemplates'][number]['variables']>().toEqualTypeOf<string[]>();
    expectTypeOf<Out['settings']['updateEmailTemplate']>().not.toBeAny();
    expectTypeOf<Out['settings']['languages']['defaultLocale']>().toEqualTypeOf<TLocale>();
    expectTypeOf<Out['users']['directory']>().not.toBeAny();
    expectTypeOf<Out['users']['directory'][number]['role']>().toEqualTypeOf<TRole>();
  });

  it('keeps holds typed', () => {
    expectTypeOf<Out['holds']['list'][number]['active']>().toEqualTypeOf<boolean>();
    expectTypeOf<Out['holds']['place']['applicationId']>().toEqualTypeOf<string | null>();
    expectTypeOf<In['holds']['place']['reason']>().toEqualTypeOf<string>();
  });
});
