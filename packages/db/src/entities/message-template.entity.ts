import { p } from '@mikro-orm/core';
import { notPersonal } from '../privacy.js';
import { defineEntity } from './define-entity.js';
import { newId } from './ids.js';
import { Tenant } from './tenant.entity.js';
import { tenantFilter } from './tenant-filter.js';

/**
 * A message staff pick when writing to a candidate (compose and bulk email):
 * the tenant's own wording with `{{variables}}`, filled per recipient when
 * sent. A marketing template goes only to candidates with live marketing
 * consent and carries an unsubscribe link.
 */
export const MessageTemplate = defineEntity(
  {
    name: 'MessageTemplate',
    indexes: [{ properties: ['tenant', 'name'] }],
    filters: tenantFilter,
    properties: {
      id: notPersonal(
        p
          .uuid()
          .primary()
          .onCreate(() => newId()),
        'random identifier',
      ),
      tenant: () => p.manyToOne(Tenant),
      name: notPersonal(p.string().length(120), "the company's name for its template"),
      subject: notPersonal(p.string().length(200), "the company's wording, variables unfilled"),
      body: notPersonal(p.text(), "the company's wording, variables unfilled"),
      marketing: notPersonal(p.boolean().default(false), 'whether the template is marketing'),
      createdAt: notPersonal(
        p.datetime().onCreate(() => new Date()),
        'a date, context for the values beside it',
      ),
      updatedAt: notPersonal(
        p
          .datetime()
          .onCreate(() => new Date())
          .onUpdate(() => new Date()),
        'a date, context for the values beside it',
      ),
    },
  },
  { holds: 'nobody', because: "a company's wording of its emails, before any candidate's details fill it" },
);
