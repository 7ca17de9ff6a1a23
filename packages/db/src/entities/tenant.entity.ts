import type { TEmailTemplateKey, TEmailTemplateText, THiringSettings } from '@candor/schemas';
import { defineEntity, p } from '@mikro-orm/core';
import { notPersonal } from '../privacy.js';
import { newId } from './ids.js';

export const Tenant = defineEntity({
  name: 'Tenant',
  properties: {
    id: p.uuid().primary().onCreate(() => newId()),
    slug: notPersonal(p.string().length(40).unique(), 'public URL slug of a company'),
    name: notPersonal(p.string().length(120), 'company name'),
    primaryColor: notPersonal(p.string().length(7).default('#1f6feb'), 'brand colour'),
    about: notPersonal(p.text().default(''), 'public company description'),
    /** Pipeline template, rejection reasons, departments, pay transparency; null means the defaults. */
    hiringSettings: notPersonal(p.json<THiringSettings>().nullable(), 'company hiring configuration'),
    /** The tenant's own wording of its emails; a missing key means the default wording. */
    emailTemplates: notPersonal(p.json<Partial<Record<TEmailTemplateKey, TEmailTemplateText>>>().nullable(), 'email wording'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
