import { z } from 'zod';

/**
 * Emails a tenant can word for itself. Each names the variables it may use;
 * the privacy footer (who holds the data, link to the privacy portal) is
 * added to every candidate email by the server and cannot be edited away.
 */
export const EMAIL_TEMPLATES = {
  application_received: {
    label: 'Application received',
    audience: 'candidate',
    variables: ['candidate_name', 'job_title', 'company_name'],
    subject: 'We received your application for {{job_title}}',
    body: 'Dear {{candidate_name}},\n\nThank you for applying for the {{job_title}} role at {{company_name}}. We will review your application carefully and get back to you.\n\nKind regards,\nThe {{company_name}} hiring team',
  },
  rejection: {
    label: 'Rejection',
    audience: 'candidate',
    variables: ['candidate_name', 'job_title', 'company_name'],
    subject: 'Your application for {{job_title}} at {{company_name}}',
    body: 'Dear {{candidate_name}},\n\nThank you for your interest in the {{job_title}} role and for the time you spent on your application. After careful consideration we have decided not to move forward with your application.\n\nWe wish you every success in your search.\n\nKind regards,\nThe {{company_name}} hiring team',
  },
  interview_invitation: {
    label: 'Interview invitation (to interviewers)',
    audience: 'staff',
    variables: [
      'interviewer_name',
      'interview_title',
      'candidate_name',
      'job_title',
      'when',
      'where',
      'company_name',
    ],
    subject: 'Invitation: {{interview_title}} with {{candidate_name}} for {{job_title}}',
    body: 'Hello {{interviewer_name}},\n\nYou are invited to interview {{candidate_name}} for {{job_title}}.\n\nWhen: {{when}}\nWhere: {{where}}\n\nThe calendar invitation is attached. Please submit your scorecard in Candor after the interview.',
  },
  interview_cancelled: {
    label: 'Interview cancelled (to interviewers)',
    audience: 'staff',
    variables: ['interviewer_name', 'interview_title', 'candidate_name', 'job_title', 'when', 'company_name'],
    subject: 'Cancelled: {{interview_title}} with {{candidate_name}} for {{job_title}}',
    body: 'Hello {{interviewer_name}},\n\nThe interview with {{candidate_name}} for {{job_title}} on {{when}} is cancelled. The attached update removes it from your calendar.',
  },
  interview_rescheduled: {
    label: 'Interview moved (to interviewers)',
    audience: 'staff',
    variables: [
      'interviewer_name',
      'interview_title',
      'candidate_name',
      'job_title',
      'when',
      'where',
      'company_name',
    ],
    subject: 'Moved: {{interview_title}} with {{candidate_name}} for {{job_title}}',
    body: 'Hello {{interviewer_name}},\n\nThe interview with {{candidate_name}} for {{job_title}} has moved.\n\nNow: {{when}}\nWhere: {{where}}\n\nThe attached update moves it in your calendar.',
  },
  candidate_interview_rescheduled: {
    label: 'Interview moved (to the candidate)',
    audience: 'candidate',
    variables: ['candidate_name', 'job_title', 'when', 'where', 'company_name'],
    subject: 'New time for your interview for {{job_title}}',
    body: 'Dear {{candidate_name}},\n\nYour interview for the {{job_title}} role has a new time.\n\nWhen: {{when}}\nWhere: {{where}}\n\nThe attached update moves it in your calendar. If the new time does not suit you, please reply to let us know.\n\nKind regards,\nThe {{company_name}} hiring team',
  },
  candidate_interview_invitation: {
    label: 'Interview invitation (to the candidate)',
    audience: 'candidate',
    variables: ['candidate_name', 'job_title', 'when', 'where', 'company_name'],
    subject: 'Your interview for {{job_title}} at {{company_name}}',
    body: 'Dear {{candidate_name}},\n\nWe would like to invite you to an interview for the {{job_title}} role.\n\nWhen: {{when}}\nWhere: {{where}}\n\nThe calendar invitation is attached. If the time does not suit you, please reply to let us know.\n\nKind regards,\nThe {{company_name}} hiring team',
  },
  self_scheduling_invitation: {
    label: 'Pick an interview time (to the candidate)',
    audience: 'candidate',
    variables: ['candidate_name', 'job_title', 'company_name', 'scheduling_link', 'expires_on'],
    subject: 'Pick a time for your interview for {{job_title}}',
    body: 'Dear {{candidate_name}},\n\nWe would like to invite you to an interview for the {{job_title}} role at {{company_name}}. Please pick the time that suits you best here by {{expires_on}}:\n{{scheduling_link}}\n\nKind regards,\nThe {{company_name}} hiring team',
  },
  candidate_interview_cancelled: {
    label: 'Interview cancelled (to the candidate)',
    audience: 'candidate',
    variables: ['candidate_name', 'job_title', 'when', 'company_name'],
    subject: 'Your interview for {{job_title}} is cancelled',
    body: 'Dear {{candidate_name}},\n\nThe interview for the {{job_title}} role planned for {{when}} is cancelled. The attached update removes it from your calendar. We will be in touch.\n\nKind regards,\nThe {{company_name}} hiring team',
  },
  notice_changed: {
    label: 'Privacy notice changed (to candidates)',
    audience: 'candidate',
    variables: ['candidate_name', 'company_name', 'change_summary', 'effective_on', 'notice_link'],
    subject: '{{company_name}} is changing how it handles your data',
    body: 'Dear {{candidate_name}},\n\nWe are updating the privacy notice that explains how {{company_name}} handles the data of people who applied to us. The new version takes effect on {{effective_on}}.\n\nWhat changes: {{change_summary}}\n\nRead the new notice here:\n{{notice_link}}\n\nYou do not need to do anything. If you no longer want us to keep your data, you can withdraw your consent or ask us to erase it in your privacy portal (link below).\n\nKind regards,\nThe {{company_name}} hiring team',
  },
  sourced_notice: {
    label: 'Where we got your details (to people added by staff)',
    audience: 'candidate',
    variables: ['candidate_name', 'company_name', 'data_source', 'data_held', 'notice_link'],
    subject: 'How {{company_name}} came to have your details',
    body: 'Dear {{candidate_name}},\n\nWe have added you to the recruiting system of {{company_name}} because we would like to consider you for roles with us. You did not give us your details yourself, so we are letting you know (GDPR Art. 14).\n\nWhere your details came from: {{data_source}}.\n\nWhat we hold: {{data_held}}.\n\nWe use them only to consider you for roles and to contact you about them, in our legitimate interest in finding people for our team, and we erase them when our privacy notice says. Who may see them, how long we keep them and your rights are in our privacy notice:\n{{notice_link}}\n\nYou may object at any time. In the privacy portal (link below) you can see, download, correct or erase your data. You may also complain to a data protection authority.\n\nKind regards,\nThe {{company_name}} hiring team',
  },
  offer: {
    label: 'Offer',
    audience: 'candidate',
    variables: ['candidate_name', 'job_title', 'company_name', 'offer_link', 'expires_on'],
    subject: 'Your offer for {{job_title}} at {{company_name}}',
    body: 'Dear {{candidate_name}},\n\nWe are delighted to offer you the {{job_title}} role at {{company_name}}. Your offer letter is attached.\n\nPlease accept or decline here by {{expires_on}}:\n{{offer_link}}\n\nKind regards,\nThe {{company_name}} hiring team',
  },
} as const;

export type TEmailTemplateKey = keyof typeof EMAIL_TEMPLATES;
export const EMAIL_TEMPLATE_KEYS = Object.keys(EMAIL_TEMPLATES) as [
  TEmailTemplateKey,
  ...TEmailTemplateKey[],
];
export const ZEmailTemplateKey = z.enum(EMAIL_TEMPLATE_KEYS);

export const ZEmailTemplateText = z.object({
  subject: z.string().trim().min(1, 'Write a subject').max(200),
  body: z.string().trim().min(1, 'Write the message').max(10_000),
});
export type TEmailTemplateText = z.infer<typeof ZEmailTemplateText>;

const VARIABLE = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** Variables used in a text that the template does not offer (typos, usually). */
export function unknownVariables(key: TEmailTemplateKey, text: string): string[] {
  const allowed = new Set<string>(EMAIL_TEMPLATES[key].variables);
  return [...text.matchAll(VARIABLE)].map((m) => m[1]!).filter((name) => !allowed.has(name));
}

export const ZEmailTemplateUpdateInput = z
  .object({ key: ZEmailTemplateKey, text: ZEmailTemplateText.nullable() })
  .superRefine((input, ctx) => {
    if (!input.text) return;
    for (const field of ['subject', 'body'] as const) {
      const unknown = unknownVariables(input.key, input.text[field]);
      if (unknown.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['text', field],
          message: `Unknown variable ${unknown.map((u) => `{{${u}}}`).join(', ')}; use ${EMAIL_TEMPLATES[input.key].variables.map((v) => `{{${v}}}`).join(', ')}`,
        });
      }
    }
  });

export const ZEmailTemplate = z.object({
  key: ZEmailTemplateKey,
  label: z.string(),
  audience: z.enum(['candidate', 'staff']),
  variables: z.array(z.string()),
  subject: z.string(),
  body: z.string(),
  customized: z.boolean(),
});
export type TEmailTemplate = z.infer<typeof ZEmailTemplate>;

/** Fills `{{variables}}`; the values are plain text (emails are sent as text/plain). */
export function fillTemplate(text: string, values: Record<string, string>): string {
  return text.replace(VARIABLE, (whole, name: string) => values[name] ?? whole);
}
