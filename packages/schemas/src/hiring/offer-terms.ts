// No imports: settings.ts needs these defaults without loading the offer schemas.

/** Variables the offer terms may use; filled when the letter is generated. */
export const OFFER_TERM_VARIABLES = [
  'candidate_name',
  'job_title',
  'company_name',
  'salary',
  'start_date',
  'expires_on',
] as const;

export const DEFAULT_OFFER_TERMS = [
  'Dear {{candidate_name}},',
  '',
  'We are pleased to offer you the position of {{job_title}} at {{company_name}}.',
  '',
  'Salary: {{salary}}.',
  'Start date: {{start_date}}.',
  '',
  'This offer is subject to the terms of our standard employment contract, which will follow once you accept. The offer is valid until {{expires_on}}.',
  '',
  'We look forward to working with you.',
].join('\n');
