import {
  Application,
  ApplicationNote,
  ConsentEvent,
  DiversityResponse,
  Interview,
  Offer,
  Scorecard,
  StageChange,
  Tenant,
} from '@candor/db';
import { DEMO_TENANT, seedDemo } from '@candor/db/seed';
import { forEachDatabase } from '@candor/db/testing';
import { surveyQuestions } from '@candor/schemas';
import { beforeAll, expect, it } from 'vitest';
import { diversityReport } from '../diversity/report.service.js';
import { diversitySettingsOf } from '../diversity/survey.service.js';
import { hiringReports } from '../reports/reports.service.js';
import { actorOf, tenantEm } from '../testing/hiring-fixtures.js';
import { testDeps } from '../testing/test-app.js';
import { seedSealedDemoData } from './sealed-demo-data.js';

const DAY = 86_400_000;
const month = (d: Date) => d.toISOString().slice(0, 7);

/**
 * The demo tells a coherent story (docs/demo.md): every date follows the
 * ones it depends on, nothing that has not happened is dated in the future,
 * and the reports have months of history with counts above the tenant's k.
 */
forEachDatabase('demo story', (db) => {
  let tenantId = '';
  let now = 0;
  const deps = () => testDeps(db.orm());
  const em = () => tenantEm(db.orm(), tenantId);
  const admin = () => actorOf('00000000-0000-4000-8000-000000000000', tenantId, 'admin');

  beforeAll(async () => {
    await seedDemo(db.orm().em.fork());
    await seedSealedDemoData(db.orm(), deps());
    tenantId = (await db.orm().em.fork().findOneOrFail(Tenant, { slug: DEMO_TENANT.slug })).id;
    now = Date.now();
  });

  it('orders every application’s history: applied while the job was open, moves after it, decisions last', async () => {
    const applications = await em().find(Application, {}, { populate: ['job'] });
    const changes = await em().find(StageChange, {}, { orderBy: { at: 'asc', id: 'asc' } });
    const historyOf = new Map<string, typeof changes>();
    for (const c of changes) historyOf.set(c.application.id, [...(historyOf.get(c.application.id) ?? []), c]);
    for (const a of applications) {
      const at = a.appliedAt.getTime();
      expect(at).toBeLessThanOrEqual(now);
      if (a.job.openedAt) expect(at).toBeGreaterThanOrEqual(a.job.openedAt.getTime());
      const history = historyOf.get(a.id) ?? [];
      expect(history[0]?.at.getTime()).toBe(at);
      for (const [i, change] of history.entries()) {
        expect(change.at.getTime()).toBeLessThanOrEqual(now);
        if (i > 0) expect(change.at.getTime()).toBeGreaterThan(history[i - 1]!.at.getTime());
      }
      if (a.decidedAt) {
        expect(a.decidedAt.getTime()).toBeGreaterThanOrEqual(history.at(-1)!.at.getTime());
        expect(a.decidedAt.getTime()).toBeLessThanOrEqual(now);
        if (a.job.closedAt) expect(a.decidedAt.getTime()).toBeLessThan(a.job.closedAt.getTime());
      }
      expect(a.lastActivityAt.getTime()).toBeLessThanOrEqual(now);
    }
    // Applications spread over months, so the reports have history.
    expect(new Set(applications.map((a) => month(a.appliedAt))).size).toBeGreaterThanOrEqual(5);

    for (const note of await em().find(ApplicationNote, {}, { populate: ['application'] })) {
      expect(note.createdAt.getTime()).toBeGreaterThanOrEqual(note.application.appliedAt.getTime());
      expect(note.createdAt.getTime()).toBeLessThanOrEqual(now);
    }
  });

  it('holds interviews after they were scheduled and the application reached them, scorecards after the interview', async () => {
    const interviews = await em().find(Interview, {}, { populate: ['application'] });
    const changes = await em().find(StageChange, {}, { populate: ['toStage'], orderBy: { at: 'asc' } });
    expect(interviews.filter((i) => i.startsAt.getTime() > now)).toHaveLength(1);
    for (const interview of interviews) {
      expect(interview.createdAt.getTime()).toBeLessThan(interview.startsAt.getTime());
      expect(interview.createdAt.getTime()).toBeLessThanOrEqual(now);
      // The application was in an interview stage when it was held.
      const before = changes.filter(
        (c) => c.application.id === interview.application.id && c.at <= interview.startsAt,
      );
      expect(before.at(-1)?.toStage.kind).toBe('interview');
    }
    const scorecards = await em().find(Scorecard, {}, { populate: ['interview'] });
    expect(scorecards.length).toBeGreaterThan(20);
    for (const card of scorecards) {
      expect(card.submittedAt.getTime()).toBeGreaterThanOrEqual(card.interview.endsAt.getTime());
      expect(card.submittedAt.getTime()).toBeLessThanOrEqual(now);
    }
  });

  it('drafts, approves, sends and answers offers in that order, after the interviews; an accepted one hires', async () => {
    const offers = await em().find(Offer, {}, { populate: ['application'] });
    const interviews = await em().find(Interview, {});
    const changes = await em().find(StageChange, {}, { populate: ['toStage'], orderBy: { at: 'asc' } });
    expect(new Set(offers.map((o) => o.status))).toEqual(
      new Set(['pending_approval', 'sent', 'accepted', 'declined', 'withdrawn']),
    );
    for (const offer of offers) {
      const app = offer.application;
      const steps = [offer.createdAt, offer.approvedAt, offer.sentAt, offer.respondedAt]
        .filter((d): d is Date => d !== null && d !== undefined)
        .map((d) => d.getTime());
      expect(steps).toEqual([...steps].sort((x, y) => x - y));
      expect(steps.at(-1)!).toBeLessThanOrEqual(now);
      expect(steps[0]!).toBeGreaterThan(app.appliedAt.getTime());
      for (const interview of interviews.filter((i) => i.application.id === app.id))
        expect(offer.createdAt.getTime()).toBeGreaterThan(interview.endsAt.getTime());
      const history = changes.filter((c) => c.application.id === app.id);
      if (offer.sentAt) {
        // Sending moves the application to the offer stage.
        const toOffer = history.find((c) => c.toStage.kind === 'offer');
        expect(toOffer?.at.getTime()).toBe(offer.sentAt.getTime());
      }
      if (offer.status === 'accepted') {
        expect(app.status).toBe('hired');
        expect(app.decidedAt?.getTime()).toBe(offer.respondedAt?.getTime());
        expect(history.at(-1)!.toStage.kind).toBe('hired');
        expect(history.at(-1)!.at.getTime()).toBe(offer.respondedAt?.getTime());
      }
    }
    // Every hire accepted an offer.
    const hires = await em().find(Application, { status: 'hired' });
    expect(hires.length).toBeGreaterThanOrEqual(5);
    for (const hire of hires)
      expect(offers.some((o) => o.application.id === hire.id && o.status === 'accepted')).toBe(true);
  });

  it('records consents when they were given: on applying, and the survey’s within its link’s 30 days', async () => {
    const events = await em().find(
      ConsentEvent,
      { application: { $ne: null } },
      { populate: ['application'] },
    );
    for (const event of events)
      expect(event.occurredAt.getTime()).toBe(event.application!.appliedAt.getTime());
    const responses = await em().find(DiversityResponse, {}, { populate: ['application'] });
    const surveyConsents = await em().find(ConsentEvent, { channel: 'diversity_survey' });
    expect(surveyConsents.length).toBe(responses.length);
    for (const response of responses) {
      // Only careers-site applicants get the survey link, in their confirmation.
      expect(response.application.source).toBe('careers_site');
      const applied = response.application.appliedAt.getTime();
      const given = surveyConsents.filter(
        (e) =>
          e.candidate.id === response.candidate.id &&
          e.occurredAt.getTime() >= applied &&
          e.occurredAt.getTime() <= Math.min(now, applied + 30 * DAY),
      );
      expect(given.length).toBeGreaterThan(0);
    }
  });

  it('fills every hiring report over the last 6 months with counts above k', async () => {
    const from = new Date(now - 182 * DAY).toISOString().slice(0, 10);
    const reports = await hiringReports(deps(), em(), admin(), {
      from,
      to: new Date(now).toISOString().slice(0, 10),
    });
    expect(reports.funnel.every((s) => (s.count ?? 0) > 0)).toBe(true);
    expect(reports.timeToHire.median).not.toBeNull();
    expect(reports.timeInStage.every((s) => s.median !== null)).toBe(true);
    expect(reports.sources.length).toBeGreaterThanOrEqual(3);
    expect(reports.sources.every((s) => (s.applications ?? 0) > 0)).toBe(true);
    expect(reports.sources.some((s) => (s.hires ?? 0) > 0)).toBe(true);
    const offered = (outcome: string) =>
      reports.offers.outcomes.find((o) => o.outcome === outcome)?.count ?? 0;
    expect(offered('accepted')).toBeGreaterThan(0);
    expect(offered('declined')).toBeGreaterThan(0);
    expect(reports.offers.acceptanceRate).not.toBeNull();
    expect(reports.rejections.reasons.filter((r) => (r.count ?? 0) > 0).length).toBeGreaterThanOrEqual(4);
    expect(reports.openJobs.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...reports.openJobs.map((j) => j.daysOpen))).toBeGreaterThan(120);
    expect(reports.interviewers.length).toBeGreaterThanOrEqual(3);
    expect(reports.interviewers.some((i) => i.late > 0)).toBe(true);
    expect(reports.interviewers.every((i) => i.onTime > 0)).toBe(true);
  });

  it('shows the diversity report’s default range with counts above k for every question', async () => {
    const tenant = await em().findOneOrFail(Tenant, tenantId);
    const settings = diversitySettingsOf(tenant);
    const start = new Date(now);
    start.setUTCDate(1);
    start.setUTCMonth(start.getUTCMonth() - 11);
    for (const question of surveyQuestions(settings)) {
      const report = await diversityReport(em(), admin(), deps(), {
        question: question.id,
        from: month(start),
        to: month(new Date(now)),
      });
      const shown = report.rows.filter(
        (r) => r.option !== 'not_answered' && (r.counts[0] ?? 0) >= settings.k,
      );
      expect(shown.length, question.id).toBeGreaterThan(0);
    }
  });
});
