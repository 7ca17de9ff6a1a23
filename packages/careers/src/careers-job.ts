import { ZJob, ZJobStatus, ZJobTranslations, ZProfileSection, ZPublicQuestion } from '@candor/schemas';

/**
 * What the careers site knows about a job: the public fields of `ZJob` and
 * its questions as applicants see them (parsing drops anything else, such as
 * a knockout answer), nothing about the hiring team or applicants. Only open
 * and closed jobs are published; a closed job keeps its page so old links work.
 */
export const ZCareersJob = ZJob.pick({
  id: true,
  title: true,
  department: true,
  city: true,
  country: true,
  workplace: true,
  employmentType: true,
  descriptionMd: true,
  salary: true,
  openedAt: true,
}).extend({
  status: ZJobStatus.extract(['open', 'closed']),
  closedAt: ZJob.shape.openedAt,
  /** Until when search engines should treat the posting as current (null: no end date given). */
  validThrough: ZJob.shape.openedAt,
  questions: ZPublicQuestion.array().default([]),
  /** Profile sections the apply form asks for. */
  profileSections: ZProfileSection.array().default([]),
  /** Title and description in the site's other languages. */
  translations: ZJobTranslations.default({}),
});
export type TCareersJob = ReturnType<typeof ZCareersJob.parse>;
/** A job as callers pass it in: `questions` and `translations` may be left out. */
export type TCareersJobInput = Omit<TCareersJob, 'questions' | 'translations' | 'profileSections'> & {
  questions?: TCareersJob['questions'];
  profileSections?: TCareersJob['profileSections'];
  translations?: TCareersJob['translations'] | null;
};

const DAY = 24 * 60 * 60 * 1000;
const POSTING_WINDOW = 60 * DAY;

/**
 * An open job's validThrough: 60 days after it opened, renewed in 60-day
 * steps while it stays open, so a long-running opening is never shown as
 * expired as long as the site is regenerated (it is, at every start and
 * every job change).
 */
export function validThroughFor(openedAt: Date, now: Date = new Date()): Date {
  const windows = Math.max(1, Math.ceil((now.getTime() - openedAt.getTime() + DAY) / POSTING_WINDOW));
  return new Date(openedAt.getTime() + windows * POSTING_WINDOW);
}
