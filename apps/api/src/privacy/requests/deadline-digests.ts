import { Membership, type Orm, OutboxEmail, PrivacyRequest, TENANT_FILTER, Tenant } from '@candor/db';
import { dayOf, REQUEST_TYPE_LABELS } from '@candor/schemas';
import { enqueueEmail } from '../../mail/outbox.js';
import { clockOf, OPEN } from './request-record.js';

/**
 * Emails each tenant's admins the requests due within a week or overdue,
 * at most once a day per tenant. The message names requests by reference,
 * type and due date only.
 */
export async function sendDeadlineDigests(orm: Orm, publicUrl: string): Promise<number> {
  let sent = 0;
  for (const tenant of await orm.em.fork().find(Tenant, {})) {
    const em = orm.em.fork();
    em.setFilterParams(TENANT_FILTER, { tenantId: tenant.id });
    const today = dayOf();
    const urgent = (await em.find(PrivacyRequest, { status: { $in: OPEN } }, { orderBy: { dueOn: 'asc' } }))
      .map((r) => ({ r, clock: clockOf(r, today) }))
      .filter(({ clock }) => clock.state !== 'on_track');
    if (urgent.length === 0) continue;
    const since = new Date(`${today}T00:00:00.000Z`);
    if (await em.count(OutboxEmail, { template: 'privacy_request_digest', createdAt: { $gte: since } }))
      continue;
    const admins = await em.find(
      Membership,
      { tenant, role: { $in: ['owner', 'admin'] }, status: 'active' },
      { populate: ['user'] },
    );
    const lines = urgent.map(
      ({ r, clock }) =>
        `- ${r.id.slice(0, 8).toUpperCase()}  ${REQUEST_TYPE_LABELS[r.type]}  ${clock.kind === 'acknowledge' ? 'acknowledge by' : 'due'} ${clock.on}${clock.state === 'overdue' ? '  OVERDUE' : ''}`,
    );
    await em.transactional(async (tx) => {
      for (const admin of admins) {
        enqueueEmail(tx, {
          tenantId: tenant.id,
          to: admin.user.email,
          template: 'privacy_request_digest',
          subject: `${tenant.name}: ${urgent.length} privacy request${urgent.length === 1 ? '' : 's'} due soon or overdue`,
          text: `These privacy requests need an answer soon:\n\n${lines.join('\n')}\n\nOpen the queue: ${publicUrl}/admin/#/privacy-requests\n`,
        });
        sent += 1;
      }
    });
  }
  return sent;
}
