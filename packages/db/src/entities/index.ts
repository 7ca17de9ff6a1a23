import type { EntitySchema } from '@mikro-orm/core';
import { ApiKey } from './api-key.entity.js';
import { Application, ApplicationNote, ApplicationTag, StageChange } from './application.entity.js';
import { ApplicationIntake } from './application-intake.entity.js';
import {
  Assessment,
  AssessmentInvitation,
  AssessmentProvider,
  StageAssessment,
} from './assessment.entity.js';
import { Attachment } from './attachment.entity.js';
import { AuditChainHead, AuditEvent } from './audit-event.entity.js';
import { BackgroundCheck } from './background-check.entity.js';
import { Candidate } from './candidate.entity.js';
import { CandidateProfile } from './candidate-profile.entity.js';
import { Disclosure } from './disclosure.entity.js';
import { DiversityResponse } from './diversity.entity.js';
import { InboundEmail } from './inbound-email.entity.js';
import { Interview, InterviewParticipant, Scorecard } from './interview.entity.js';
import { HiringTeamMember, Job, JobStage } from './job.entity.js';
import { LegalHold } from './legal-hold.entity.js';
import { Membership } from './membership.entity.js';
import { MessageTemplate } from './message-template.entity.js';
import { Notification } from './notification.entity.js';
import { Offer } from './offer.entity.js';
import { OutboxEmail } from './outbox-email.entity.js';
import { Passkey, WebAuthnChallenge } from './passkey.entity.js';
import { PasswordToken } from './password-token.entity.js';
import { ConsentEvent, ConsentReceipt, PrivacyNotice, TenantSigningKey } from './privacy.entity.js';
import { PortalCode, PortalSession, PrivacyRequest, PrivacyRequestNote } from './privacy-request.entity.js';
import { RateLimitCounter } from './rate-limit.entity.js';
import { Referee, ReferenceRequest } from './reference.entity.js';
import { ReportCopy } from './report-copy.entity.js';
import { RetentionPolicyVersion, RetentionRun } from './retention.entity.js';
import { SchedulingLink } from './scheduling-link.entity.js';
import { DocumentText, SavedSearch } from './search.entity.js';
import { PendingSignIn, RecoveryCode, TotpFactor } from './second-factor.entity.js';
import { Session } from './session.entity.js';
import { OidcConnection, OidcSignInAttempt } from './single-sign-on.entity.js';
import { StaffCalendar } from './staff-calendar.entity.js';
import { Tenant } from './tenant.entity.js';
import { TenantChange } from './tenant-change.entity.js';
import { SystemSecret, TenantDataKey } from './tenant-data-key.entity.js';
import { User } from './user.entity.js';
import { WebhookDelivery, WebhookSubscription } from './webhook.entity.js';

export type { TStoredAnswer } from './application.entity.js';
export type {
  TStoredAssessmentAnswer,
  TStoredAssessmentQuestion,
  TStoredAssessmentScore,
} from './assessment.entity.js';
export type {
  TStoredEducation,
  TStoredRightToWork,
  TStoredSalary,
  TStoredWork,
} from './candidate-profile.entity.js';
export type { TStoredRating } from './interview.entity.js';
export type { TStoredCriterion } from './job.entity.js';
export type { TOutboxStatus, TStoredAttachment } from './outbox-email.entity.js';
export type { TExecutedAction } from './privacy-request.entity.js';
export type { TStoredReferenceAnswer, TStoredReferenceQuestion } from './reference.entity.js';
export type { TStoredSlot } from './scheduling-link.entity.js';
export type { TDocumentTextSource, TSavedSearchScope } from './search.entity.js';
export {
  ApiKey,
  Application,
  ApplicationIntake,
  ApplicationNote,
  ApplicationTag,
  Assessment,
  AssessmentInvitation,
  AssessmentProvider,
  Attachment,
  AuditChainHead,
  AuditEvent,
  BackgroundCheck,
  Candidate,
  CandidateProfile,
  ConsentEvent,
  ConsentReceipt,
  Disclosure,
  DiversityResponse,
  DocumentText,
  HiringTeamMember,
  InboundEmail,
  Interview,
  InterviewParticipant,
  Job,
  JobStage,
  LegalHold,
  Membership,
  MessageTemplate,
  Notification,
  Offer,
  OidcConnection,
  OidcSignInAttempt,
  OutboxEmail,
  Passkey,
  PasswordToken,
  PendingSignIn,
  PortalCode,
  PortalSession,
  PrivacyNotice,
  PrivacyRequest,
  PrivacyRequestNote,
  RateLimitCounter,
  RecoveryCode,
  Referee,
  ReferenceRequest,
  ReportCopy,
  RetentionPolicyVersion,
  RetentionRun,
  SavedSearch,
  SchedulingLink,
  Scorecard,
  Session,
  StaffCalendar,
  StageAssessment,
  StageChange,
  SystemSecret,
  Tenant,
  TenantChange,
  TenantDataKey,
  TenantSigningKey,
  TotpFactor,
  User,
  WebAuthnChallenge,
  WebhookDelivery,
  WebhookSubscription,
};

// Typed loosely on purpose: the tuple of every entity's type is too large for declaration files.
// biome-ignore lint/suspicious/noExplicitAny: any entity schema
export const entities: EntitySchema<any, any>[] = [
  Tenant,
  User,
  Membership,
  Session,
  PasswordToken,
  TotpFactor,
  RecoveryCode,
  PendingSignIn,
  Passkey,
  WebAuthnChallenge,
  AuditEvent,
  OutboxEmail,
  ApplicationIntake,
  InboundEmail,
  Job,
  JobStage,
  HiringTeamMember,
  Candidate,
  CandidateProfile,
  Application,
  StageChange,
  ApplicationNote,
  ApplicationTag,
  Interview,
  InterviewParticipant,
  Scorecard,
  SchedulingLink,
  StaffCalendar,
  Notification,
  Attachment,
  DocumentText,
  SavedSearch,
  Offer,
  ReferenceRequest,
  Referee,
  AssessmentProvider,
  Assessment,
  StageAssessment,
  AssessmentInvitation,
  BackgroundCheck,
  PrivacyNotice,
  ConsentReceipt,
  ConsentEvent,
  TenantSigningKey,
  TenantDataKey,
  SystemSecret,
  AuditChainHead,
  PrivacyRequest,
  PrivacyRequestNote,
  PortalCode,
  PortalSession,
  LegalHold,
  MessageTemplate,
  RetentionPolicyVersion,
  RetentionRun,
  DiversityResponse,
  Disclosure,
  RateLimitCounter,
  ReportCopy,
  TenantChange,
  OidcConnection,
  OidcSignInAttempt,
  ApiKey,
  WebhookSubscription,
  WebhookDelivery,
];
export { TENANT_FILTER } from './tenant-filter.js';
