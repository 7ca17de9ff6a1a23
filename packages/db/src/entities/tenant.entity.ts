import type {
  TDiversitySettings,
  TEmailTemplateKey,
  TEmailTemplateText,
  THiringSettings,
  TLanguageSettings,
  TPrivacySettings,
} from '@candor/schemas';
import { p } from '@mikro-orm/core';
import { notPersonal } from '../privacy.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';

export const Tenant = defineEntity(
  {
    name: 'Tenant',
    properties: {
      id: notPersonal(
        p
          .uuid()
          .primary()
          .onCreate(() => newId()),
        'random identifier',
      ),
      slug: notPersonal(p.string().length(40).unique(), 'public URL slug of a company'),
      name: notPersonal(p.string().length(120), 'company name'),
      primaryColor: notPersonal(p.string().length(7).default('#1f6feb'), 'brand colour'),
      about: notPersonal(p.text().default(''), 'public company description'),
      /** Pipeline template, rejection reasons, departments, pay transparency; null means the defaults. */
      hiringSettings: notPersonal(p.json<THiringSettings>().nullable(), 'company hiring configuration'),
      /** The tenant's own wording of its emails; a missing key means the default wording. */
      emailTemplates: notPersonal(
        p.json<Partial<Record<TEmailTemplateKey, TEmailTemplateText>>>().nullable(),
        'email wording',
      ),
      /** Minimum age, salary-expectation question, consent purposes, privacy contact; null means the defaults. */
      privacySettings: notPersonal(p.json<TPrivacySettings>().nullable(), 'company privacy configuration'),
      diversitySettings: notPersonal(
        p.json<TDiversitySettings>().nullable(),
        'company diversity survey configuration',
      ),
      /** The careers site's languages and its default one; null means English only. */
      languageSettings: notPersonal(p.json<TLanguageSettings>().nullable(), 'careers site languages'),
      /** The logo in the file store (random key) and its sniffed type. */
      logoKey: notPersonal(p.string().length(80).nullable(), 'file store key'),
      logoType: notPersonal(p.string().length(20).nullable(), 'image media type'),
      /** Members must sign in with a second factor, a passkey or single sign-on; password-only sessions are sent to enrol. */
      requireSecondFactor: notPersonal(p.boolean().default(false), 'company security setting'),
      /** When the audit chain was last checked from the backoffice, and whether it was intact: the admin dashboard shows it. */
      auditVerifiedAt: notPersonal(p.datetime().nullable(), 'a date, context for the values beside it'),
      auditVerifiedIntact: notPersonal(p.boolean().nullable(), 'result of an integrity check'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  { holds: 'nobody', because: "a company's settings" },
);
