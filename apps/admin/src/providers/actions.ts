import {
  type THiringSettings,
  ZApplicationCreateInput,
  ZApplicationMoveInput,
  ZApplicationRejectInput,
  ZApplicationTagsInput,
  ZApplicationWithdrawInput,
  ZAttachmentUploadInput,
  ZBoardInput,
  ZCandidateMergeInput,
  ZCandidateRestrictionInput,
  ZEmailTemplateUpdateInput,
  ZFreeSlotsInput,
  ZHiringSettings,
  ZInterviewRescheduleInput,
  ZInterviewScheduleInput,
  ZJobStagesInput,
  ZJobStatusInput,
  ZLanguageSettings,
  ZNoteInput,
  ZOfferCreateInput,
  ZRefereesAddInput,
  ZReferenceRequestInput,
  ZSchedulingLinkCreateInput,
  ZScorecardInput,
  ZSourcedNoticeSendInput,
} from '@candor/schemas';
import { type MutationInput, type QueryInput, trpc } from '../trpc';

/**
 * The hiring actions that are no create/read/update of one record. They live
 * on the dataProvider (see dataProvider.ts) because react-admin's
 * `useDataProvider()` then sends their errors through the authProvider's
 * `checkError`, exactly like `getList` and friends.
 */
export const hiringActions = {
  hiringSettings: () => trpc.settings.hiring.query(),
  updateHiringSettings: (settings: THiringSettings) =>
    trpc.settings.updateHiring.mutate(ZHiringSettings.parse(settings)),

  setJobStatus: (input: MutationInput<typeof trpc.jobs.setStatus>) =>
    trpc.jobs.setStatus.mutate(ZJobStatusInput.parse(input)),
  setJobStages: (input: MutationInput<typeof trpc.jobs.setStages>) =>
    trpc.jobs.setStages.mutate(ZJobStagesInput.parse(input)),

  createApplication: (input: MutationInput<typeof trpc.applications.create>) =>
    trpc.applications.create.mutate(ZApplicationCreateInput.parse(input)),
  board: (input: Parameters<typeof trpc.applications.board.query>[0]) =>
    trpc.applications.board.query(ZBoardInput.parse(input)),
  moveApplications: (input: MutationInput<typeof trpc.applications.move>) =>
    trpc.applications.move.mutate(ZApplicationMoveInput.parse(input)),
  rejectApplications: (input: MutationInput<typeof trpc.applications.reject>) =>
    trpc.applications.reject.mutate(ZApplicationRejectInput.parse(input)),
  withdrawApplication: (input: MutationInput<typeof trpc.applications.withdraw>) =>
    trpc.applications.withdraw.mutate(ZApplicationWithdrawInput.parse(input)),
  /** A hire's record as a zip for HR; starts the hired-candidates retention clock. */
  exportHireToHr: (id: string) => trpc.applications.exportToHr.mutate({ id }),
  setApplicationTags: (input: MutationInput<typeof trpc.applications.setTags>) =>
    trpc.applications.setTags.mutate(ZApplicationTagsInput.parse(input)),
  addApplicationNote: (input: MutationInput<typeof trpc.applications.addNote>) =>
    trpc.applications.addNote.mutate(ZNoteInput.parse(input)),
  /** Ends blind review of one application for good; audited. */
  revealApplicationIdentity: (id: string) => trpc.applications.revealIdentity.mutate({ id }),

  mergeCandidates: (input: MutationInput<typeof trpc.candidates.merge>) =>
    trpc.candidates.merge.mutate(ZCandidateMergeInput.parse(input)),
  /** Restriction of processing (GDPR Art. 18); both email the candidate. */
  restrictCandidate: (id: string) =>
    trpc.candidates.restrict.mutate(ZCandidateRestrictionInput.parse({ id })),
  liftCandidateRestriction: (id: string) =>
    trpc.candidates.liftRestriction.mutate(ZCandidateRestrictionInput.parse({ id })),
  /** Art. 14: tell people added by staff what is held and where it came from (skips those already told). */
  sendSourcedNotices: (ids: string[]) =>
    trpc.candidates.sendSourcedNotice.mutate(ZSourcedNoticeSendInput.parse({ ids })),

  /** Active members, for hiring-team and interviewer pickers (recruiters may read it, unlike `users`). */
  directory: () => trpc.users.directory.query(),

  interviews: (applicationId: string) => trpc.interviews.forApplication.query({ applicationId }),
  scheduleInterview: (input: MutationInput<typeof trpc.interviews.schedule>) =>
    trpc.interviews.schedule.mutate(ZInterviewScheduleInput.parse(input)),
  rescheduleInterview: (input: MutationInput<typeof trpc.interviews.reschedule>) =>
    trpc.interviews.reschedule.mutate(ZInterviewRescheduleInput.parse(input)),
  cancelInterview: (id: string) => trpc.interviews.cancel.mutate({ id }),
  /** Self-scheduling: the times the interviewers can all make, then the offer of some to the candidate. */
  freeSlots: (input: QueryInput<typeof trpc.calendar.freeSlots>) =>
    trpc.calendar.freeSlots.query(ZFreeSlotsInput.parse(input)),
  offerTimes: (input: MutationInput<typeof trpc.scheduling.offer>) =>
    trpc.scheduling.offer.mutate(ZSchedulingLinkCreateInput.parse(input)),
  submitScorecard: (input: MutationInput<typeof trpc.interviews.submitScorecard>) =>
    trpc.interviews.submitScorecard.mutate(ZScorecardInput.parse(input)),
  scorecards: (applicationId: string) => trpc.interviews.scorecards.query({ applicationId }),

  offers: (applicationId: string) => trpc.offers.forApplication.query({ applicationId }),
  createOffer: (input: MutationInput<typeof trpc.offers.create>) =>
    trpc.offers.create.mutate(ZOfferCreateInput.parse(input)),
  approveOffer: (id: string) => trpc.offers.approve.mutate({ id }),
  sendOffer: (id: string) => trpc.offers.send.mutate({ id }),
  withdrawOffer: (id: string) => trpc.offers.withdraw.mutate({ id }),

  references: (applicationId: string) => trpc.references.forApplication.query({ applicationId }),
  requestReferences: (input: MutationInput<typeof trpc.references.request>) =>
    trpc.references.request.mutate(ZReferenceRequestInput.parse(input)),
  addReferees: (input: MutationInput<typeof trpc.references.add>) =>
    trpc.references.add.mutate(ZRefereesAddInput.parse(input)),
  withdrawReferee: (id: string) => trpc.references.withdraw.mutate({ id }),

  attachments: (candidateId: string) => trpc.attachments.forCandidate.query({ candidateId }),
  /** An application's documents; under blind review without file names or links. */
  applicationAttachments: (applicationId: string) => trpc.attachments.forApplication.query({ applicationId }),
  /** A document's text with the candidate's identity replaced; each read is audited. */
  redactedAttachmentText: (id: string) => trpc.attachments.redactedText.query({ id }),
  /** A document's whole text, to read it in the page; refused under blind review, each read audited. */
  attachmentText: (id: string) => trpc.attachments.text.query({ id }),
  uploadAttachment: (input: MutationInput<typeof trpc.attachments.upload>) =>
    trpc.attachments.upload.mutate(ZAttachmentUploadInput.parse(input)),
  /** A corrected document in place of a stored one (the API checks the input; the old file is deleted). */
  replaceAttachment: (input: MutationInput<typeof trpc.attachments.replace>) =>
    trpc.attachments.replace.mutate(input),

  emailTemplates: () => trpc.settings.emailTemplates.query(),
  updateEmailTemplate: (input: MutationInput<typeof trpc.settings.updateEmailTemplate>) =>
    trpc.settings.updateEmailTemplate.mutate(ZEmailTemplateUpdateInput.parse(input)),
  languages: () => trpc.settings.languages.query(),
  updateLanguages: (input: MutationInput<typeof trpc.settings.updateLanguages>) =>
    trpc.settings.updateLanguages.mutate(ZLanguageSettings.parse(input)),
};

export type HiringActions = typeof hiringActions;
