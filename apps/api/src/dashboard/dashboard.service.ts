import type { Em } from '@candor/db';
import { roleCan, type TDashboard } from '@candor/schemas';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor } from '../trpc/init.js';
import { adminPanels, privacyPanel } from './admin.js';
import { managerPanel } from './manager.js';
import { recruitingPanels } from './recruiting.js';

/**
 * The caller's "my work" dashboard: each panel is there only for the roles
 * whose permissions cover what it shows (the same table as the menu).
 */
export async function myDashboard(
  em: Em,
  actor: Actor,
  timeZone: string,
  now = new Date(),
): Promise<TDashboard> {
  const [recruiting, manager, privacy, admin] = await Promise.all([
    roleCan(actor.role, 'applications.manage') ? recruitingPanels(em, actor, now, timeZone) : null,
    actor.role === 'hiring_manager' ? managerPanel(em, actor, now, timeZone) : null,
    roleCan(actor.role, 'requests.manage') ? privacyPanel(em) : null,
    roleCan(actor.role, 'users.manage') ? adminPanels(em, actor) : null,
  ]);
  // Names of candidates are read here, as in a list.
  recordAudit(em, actor, { action: 'dashboard.read', targetType: 'Application' });
  await em.flush();
  return { recruiting, manager, privacy, admin };
}
