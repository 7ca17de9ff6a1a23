import { type Em, OutboxEmail, Tenant } from '@candor/db';

export interface EmailMessage {
  tenantId: string | null;
  to: string;
  template: string;
  subject: string;
  text: string;
}

/**
 * Queues an email in the caller's unit of work: it is only sent if the
 * transaction that caused it commits. The dispatcher delivers it later.
 */
export function enqueueEmail(em: Em, message: EmailMessage): void {
  em.create(OutboxEmail, {
    tenant: message.tenantId ? em.getReference(Tenant, message.tenantId) : null,
    to: message.to,
    template: message.template,
    subject: message.subject,
    text: message.text,
    html: null,
  });
}
