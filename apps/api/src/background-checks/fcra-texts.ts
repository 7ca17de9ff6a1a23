/**
 * The texts the FCRA steps send or show. The summary of rights follows the
 * structure of the CFPB's "A Summary of Your Rights Under the Fair Credit
 * Reporting Act" (12 CFR 1022, Appendix K), in plain words; a tenant in the
 * US should check it against the current official form.
 */
export const FCRA_SUMMARY_OF_RIGHTS = `A Summary of Your Rights Under the Fair Credit Reporting Act

The federal Fair Credit Reporting Act (FCRA) promotes the accuracy, fairness, and privacy of information in the files of consumer reporting agencies. For more information, including information about additional rights, go to www.consumerfinance.gov/learnmore.

- You must be told if information in your file has been used against you. Anyone who uses a consumer report to take action against you, such as denying an application for employment, must tell you, and must give you the name, address, and phone number of the agency that provided the information.
- You have the right to know what is in your file. You may request and obtain all the information about you in the files of a consumer reporting agency (your "file disclosure"). You are entitled to a free file disclosure if a person has taken adverse action against you because of information in your report.
- You have the right to ask for a credit score.
- You have the right to dispute incomplete or inaccurate information. If you identify information in your file that is incomplete or inaccurate, and report it to the consumer reporting agency, the agency must investigate unless your dispute is frivolous.
- Consumer reporting agencies must correct or delete inaccurate, incomplete, or unverifiable information, usually within 30 days.
- Consumer reporting agencies may not report outdated negative information. In most cases, an agency may not report negative information that is more than seven years old, or bankruptcies that are more than 10 years old.
- Access to your file is limited. A consumer reporting agency may provide information about you only to people with a valid need, usually to consider an application with a creditor, insurer, employer, landlord, or other business.
- You must give your consent for reports to be provided to employers. A consumer reporting agency may not give out information about you to your employer, or a potential employer, without your written consent given to the employer.
- You may limit "prescreened" offers of credit and insurance you get based on information in your credit report.
- You may seek damages from violators. If a consumer reporting agency, or a user of consumer reports or a furnisher of information to a consumer reporting agency, violates the FCRA, you may be able to sue in state or federal court.
- Identity theft victims and active duty military personnel have additional rights.

States may enforce the FCRA, and many states have their own consumer reporting laws. In some cases, you may have more rights under state law.
`;

/** The standalone disclosure: this document and the authorization only, nothing else (FCRA 604(b)(2)). */
export function disclosureParagraphs(companyName: string): string[] {
  return [
    `${companyName} may obtain information about you from a third-party consumer reporting agency for employment purposes. You may be the subject of a "consumer report" which may include information about your character, general reputation, personal characteristics, and mode of living, and which may be obtained by contacting employers, schools and public sources.`,
    'These reports may contain information about your criminal record, your employment history, your education and the professional qualifications you stated, as far as the law where you live allows.',
    `Criminal-record information is held under Article 10 of the GDPR: ${companyName} keeps the report sealed, lets only the people it named read it, and erases it a set time after its decision.`,
    'You have the right, upon written request made within a reasonable time, to be told whether a report was requested and the nature and scope of it, and to receive a copy. Before any decision based on the report that goes against you, you will receive a copy of it and a summary of your rights, and time to respond.',
  ];
}
