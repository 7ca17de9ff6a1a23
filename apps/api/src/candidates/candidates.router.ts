import {
  ZCandidate,
  ZCandidateCreateInput,
  ZCandidateListParams,
  ZCandidateListResult,
  ZCandidateMergeInput,
  ZCandidateProfile,
  ZCandidateProfileUpdateInput,
  ZCandidateRestrictionInput,
  ZCandidateUpdateInput,
  ZDisclosure,
  ZDisclosureLog,
  ZDisclosureRecordInput,
  ZIdInput,
  ZSourcedNoticeSendInput,
  ZSourcedNoticeSendResult,
} from '@candor/schemas';
import { candidateDisclosures, recordManualDisclosure } from '../privacy/disclosures.service.js';
import { sendSourcedNotices } from '../privacy/sourced-notice.js';
import { roleProcedure, router } from '../trpc/init.js';
import {
  createCandidate,
  getCandidate,
  liftRestriction,
  listCandidates,
  mergeCandidates,
  restrictCandidate,
  updateCandidate,
} from './candidates.service.js';
import { getCandidateProfile, updateCandidateProfile } from './profile.service.js';
import { MANAGES_RESTRICTION } from './restriction.js';

export const candidatesRouter = router({
  list: roleProcedure('candidates.read')
    .input(ZCandidateListParams)
    .output(ZCandidateListResult)
    .query(({ ctx, input }) => listCandidates(ctx.em, ctx.actor, input)),

  get: roleProcedure('candidates.read')
    .input(ZIdInput)
    .output(ZCandidate)
    .query(({ ctx, input }) => getCandidate(ctx.em, ctx.actor, input.id)),

  create: roleProcedure('candidates.manage')
    .input(ZCandidateCreateInput)
    .output(ZCandidate)
    .mutation(({ ctx, input }) => createCandidate(ctx.em, ctx.actor, input, ctx.deps.publicUrl)),

  // Art. 14: tell people added by staff what is held and where it came from (the queue's and the page's button).
  sendSourcedNotice: roleProcedure('candidates.manage')
    .input(ZSourcedNoticeSendInput)
    .output(ZSourcedNoticeSendResult)
    .mutation(({ ctx, input }) => sendSourcedNotices(ctx.em, ctx.actor, ctx.deps.publicUrl, input.ids)),

  update: roleProcedure('candidates.manage')
    .input(ZCandidateUpdateInput)
    .output(ZCandidate)
    .mutation(({ ctx, input }) => updateCandidate(ctx.em, ctx.actor, input)),

  // The structured profile: education, work history, right to work, salary expectation.
  profile: roleProcedure('candidates.read')
    .input(ZIdInput)
    .output(ZCandidateProfile)
    .query(({ ctx, input }) => getCandidateProfile(ctx.em, ctx.actor, ctx.deps, input.id)),

  updateProfile: roleProcedure('candidates.manage')
    .input(ZCandidateProfileUpdateInput)
    .output(ZCandidateProfile)
    .mutation(({ ctx, input }) => updateCandidateProfile(ctx.em, ctx.actor, ctx.deps, input)),

  merge: roleProcedure('candidates.manage')
    .input(ZCandidateMergeInput)
    .output(ZCandidate)
    .mutation(({ ctx, input }) => mergeCandidates(ctx.em, ctx.actor, input, ctx.deps)),

  // The disclosure log: who outside Candor received the candidate's data (Art. 15(1)(c), Art. 19).
  disclosures: roleProcedure('candidates.manage')
    .input(ZIdInput)
    .output(ZDisclosureLog)
    .query(({ ctx, input }) => candidateDisclosures(ctx.em, ctx.actor, input.id)),

  recordDisclosure: roleProcedure('candidates.manage')
    .input(ZDisclosureRecordInput)
    .output(ZDisclosure)
    .mutation(({ ctx, input }) => recordManualDisclosure(ctx.em, ctx.actor, input)),

  // Restriction of processing (Art. 18), entered for a request by phone or letter; the portal has its own.
  restrict: roleProcedure(MANAGES_RESTRICTION)
    .input(ZCandidateRestrictionInput)
    .output(ZCandidate)
    .mutation(({ ctx, input }) => restrictCandidate(ctx.em, ctx.actor, input.id, ctx.deps.publicUrl)),

  liftRestriction: roleProcedure(MANAGES_RESTRICTION)
    .input(ZCandidateRestrictionInput)
    .output(ZCandidate)
    .mutation(({ ctx, input }) => liftRestriction(ctx.em, ctx.actor, input.id, ctx.deps.publicUrl)),
});
