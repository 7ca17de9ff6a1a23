import { Application, Assessment, type Orm, Tenant, User } from '@candor/db';
import { DEMO_USERS } from '@candor/db/seed';
import { ZAssessmentInput } from '@candor/schemas';
import {
  createAssessment,
  inviteToAssessment,
  setStageAssessment,
} from '../assessments/assessments.service.js';
import { candidateKey, type DataKeys, ensureTenantDataKey, sealFor } from '../keys/data-keys.js';

const REQUEST_ID = 'demo-seed';
const MINUTE = 60_000;

/**
 * The demo's assessment (docs/assessments.md): a questionnaire on the
 * screening stage of one job, sent automatically; one applicant there has
 * submitted it and been scored, another has the link and not started.
 * Runs once: skipped when the demo tenant has an assessment.
 */
export async function seedDemoAssessments(
  em: ReturnType<Orm['em']['fork']>,
  tenant: { id: string },
  deps: DataKeys & { publicUrl: string },
): Promise<void> {
  if ((await em.count(Assessment, {})) > 0) return;
  const recruiter = await em.findOne(User, { email: DEMO_USERS.find((u) => u.role === 'recruiter')!.email });
  if (!recruiter) return;
  const actor = {
    userId: recruiter.id,
    tenantId: tenant.id,
    role: 'recruiter' as const,
    requestId: REQUEST_ID,
  };
  const screening = await em.find(
    Application,
    { status: 'active', stage: { kind: 'screening', blindReview: false }, candidate: { restrictedAt: null } },
    { populate: ['candidate', 'job', 'stage'], orderBy: { appliedAt: 'asc', id: 'asc' } },
  );
  const byJob = new Map<string, typeof screening>();
  for (const app of screening) byJob.set(app.job.id, [...(byJob.get(app.job.id) ?? []), app]);
  const apps = [...byJob.values()].find((group) => group.length >= 2);
  if (!apps) return;
  const [scored, invited] = apps as [(typeof apps)[0], (typeof apps)[0]];

  const created = await createAssessment(
    em,
    actor,
    ZAssessmentInput.parse({
      title: 'Screening questionnaire',
      kind: 'questionnaire',
      instructions:
        'Three short questions about how you work. There are no trick questions; a few sentences each are plenty.',
      timeLimitMinutes: 45,
      questions: [
        {
          prompt: 'Tell us about a piece of work you are proud of, and your part in it.',
          modelAnswer: 'A concrete example, their own contribution named, and the outcome.',
          criteria: [
            { name: 'Concrete example', maxPoints: 5 },
            { name: 'Own contribution clear', maxPoints: 3 },
          ],
        },
        {
          prompt: 'How do you decide what to work on first when everything is urgent?',
          criteria: [{ name: 'Prioritisation', maxPoints: 5 }],
        },
        {
          prompt: 'What would you want to learn in your first three months with us?',
          criteria: [{ name: 'Curiosity', maxPoints: 2 }],
        },
      ],
    }),
  );
  await setStageAssessment(em, actor, { stageId: scored.stage.id, assessmentId: created.id, autoSend: true });
  const assessment = await em.findOneOrFail(Assessment, created.id);
  const tenantRow = await em.findOneOrFail(Tenant, tenant.id);
  await ensureTenantDataKey(em, deps, tenant.id);
  const key = await candidateKey(
    em,
    deps,
    { tenantId: tenant.id, candidateId: scored.candidate.id },
    { create: true },
  );
  await em.transactional(async (tx) => {
    const options = { tenant: tenantRow, assessment, createdBy: recruiter.id, publicUrl: deps.publicUrl };
    const done = await inviteToAssessment(tx, { ...options, app: scored });
    await inviteToAssessment(tx, { ...options, app: invited });
    if (!done) return;
    const startedAt = new Date(Date.now() - 26 * 60 * MINUTE);
    const [q1, q2, q3] = assessment.questions;
    done.status = 'scored';
    done.tokenHash = null;
    done.startedAt = startedAt;
    done.deadlineAt = new Date(startedAt.getTime() + 45 * MINUTE);
    done.submittedAt = new Date(startedAt.getTime() + 32 * MINUTE);
    done.answers = [
      {
        questionId: q1!.id,
        answer: sealFor(
          key,
          'I rebuilt our order picking route planner: I measured where time went, proposed batching by aisle and ran the pilot. Picks per hour went up by a fifth.',
        ),
      },
      {
        questionId: q2!.id,
        answer: sealFor(
          key,
          'I ask what breaks for customers first, then what blocks colleagues, then the rest.',
        ),
      },
      {
        questionId: q3!.id,
        answer: sealFor(key, 'How your warehouse systems fit together, and the team’s habits.'),
      },
    ];
    const c = (i: number, j: number) => assessment.questions[i]!.criteria[j]!.id;
    done.scores = [
      {
        questionId: q1!.id,
        criterionId: c(0, 0),
        points: 5,
        comment: sealFor(key, 'Specific, with numbers.'),
        byUserId: recruiter.id,
      },
      { questionId: q1!.id, criterionId: c(0, 1), points: 2, comment: '', byUserId: recruiter.id },
      {
        questionId: q2!.id,
        criterionId: c(1, 0),
        points: 4,
        comment: sealFor(key, 'Sensible order.'),
        byUserId: recruiter.id,
      },
      { questionId: q3!.id, criterionId: c(2, 0), points: 2, comment: '', byUserId: recruiter.id },
    ];
    done.totalPoints = 13;
    done.scoredAt = new Date(startedAt.getTime() + 20 * 60 * MINUTE);
    await tx.flush();
  });
}
