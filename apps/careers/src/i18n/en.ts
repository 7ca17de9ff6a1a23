/** Every string the careers site shows, in English. Other locales copy this shape. */
export const en = {
  lang: 'en',
  skipToContent: 'Skip to content',
  openRoles: 'Open roles',
  noJobsTitle: 'No open roles right now',
  noJobsBody: (company: string) =>
    `${company} has no open roles at the moment. New roles appear here as soon as they open.`,
  aboutHeading: (company: string) => `About ${company}`,
  poweredBy: 'Hiring with Candor',
  privacyNotice: 'Privacy notice',
  footerPrivacy: 'No cookies, no trackers: this site does not follow you.',
  pageTitle: (company: string) => `Careers at ${company}`,
  privacyIntro: (company: string) =>
    `${company} uses Candor to handle applications. This is what happens with your data when you apply, and why.`,
  privacyTableCaption: 'Purposes of processing',
  privacyPurpose: 'Purpose',
  privacyBasis: 'Legal basis',
  privacyData: 'Data used',
  privacyChoice: 'Your choice',
  privacyOptional: 'Only with your consent, which you can withdraw at any time',
  privacyRequired: 'Needed to consider your application',
};

export type Messages = typeof en;
