import type { TApplyConfig, TApplyInput, TLocale } from '@candor/schemas';
import type { ConsentDecisionInput } from '../consent/consent.service.js';

/**
 * What an application intake row carries, sealed (ApplicationIntake.form):
 * the form as checked when it arrived and what the request decided about
 * it, so filing it later does not depend on settings changed meanwhile.
 */
export interface IntakeForm {
  input: TApplyInput;
  /** The consent decisions as the form made them (GPC applied). */
  decisions: Array<ConsentDecisionInput & { label: string }>;
  /** The privacy notice the applicant accepted. */
  noticeVersion: number;
  gpc: boolean;
  /** The language of the page the form was sent from: a new candidate's emails are written in it. */
  locale: TLocale;
  requestId: string;
  /** The profile sections the job asked for when the form was sent. */
  profileSections: TApplyConfig['profileSections'];
  resume: { name: string; contentType: string; size: number; sha256: string };
}
