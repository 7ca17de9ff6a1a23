import { type Em, type InferEntity, MessageTemplate } from '@candor/db';
import type { TMessageTemplate, ZMessageTemplateInput } from '@candor/schemas';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../trpc/app-error.js';
import type { Actor } from '../trpc/init.js';

type TemplateRow = InferEntity<typeof MessageTemplate>;
type TemplateInput = z.output<typeof ZMessageTemplateInput>;

function toDto(row: TemplateRow): TMessageTemplate {
  return {
    id: row.id,
    name: row.name,
    subject: row.subject,
    body: row.body,
    marketing: row.marketing,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The tenant's message templates by name (the tenant filter scopes the query). */
export async function messageTemplatesOf(em: Em): Promise<TMessageTemplate[]> {
  const rows = await em.find(MessageTemplate, {}, { orderBy: { name: 'asc', id: 'asc' } });
  return rows.map(toDto);
}

/** One template of the tenant; anything else is "not found". */
export async function messageTemplateRow(em: Em, id: string): Promise<TemplateRow> {
  const row = await em.findOne(MessageTemplate, id);
  if (!row) throw new AppError('NOT_FOUND', 'No such message template', { templateId: ['No such template'] });
  return row;
}

export async function createMessageTemplate(
  em: Em,
  actor: Actor,
  input: TemplateInput,
): Promise<TMessageTemplate> {
  const row = em.create(MessageTemplate, { tenant: actor.tenantId, ...input });
  recordAudit(em, actor, {
    action: 'settings.message_template_create',
    targetType: 'MessageTemplate',
    targetId: row.id,
  });
  await em.flush();
  return toDto(row);
}

export async function updateMessageTemplate(
  em: Em,
  actor: Actor,
  input: { id: string; template: TemplateInput },
): Promise<TMessageTemplate> {
  const row = await messageTemplateRow(em, input.id);
  em.assign(row, input.template);
  recordAudit(em, actor, {
    action: 'settings.message_template_update',
    targetType: 'MessageTemplate',
    targetId: row.id,
  });
  await em.flush();
  return toDto(row);
}

/** Deleting a template leaves the messages written with it as they are (they hold their own text). */
export async function deleteMessageTemplate(em: Em, actor: Actor, id: string): Promise<void> {
  const row = await messageTemplateRow(em, id);
  em.remove(row);
  recordAudit(em, actor, {
    action: 'settings.message_template_delete',
    targetType: 'MessageTemplate',
    targetId: id,
  });
  await em.flush();
}
