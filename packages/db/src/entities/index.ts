import { AuditEvent } from './audit-event.entity.js';
import { Membership } from './membership.entity.js';
import { OutboxEmail } from './outbox-email.entity.js';
import { PasswordToken } from './password-token.entity.js';
import { Session } from './session.entity.js';
import { Tenant } from './tenant.entity.js';
import { User } from './user.entity.js';

export { AuditEvent, Membership, OutboxEmail, PasswordToken, Session, Tenant, User };
export { OUTBOX_STATUSES, type TOutboxStatus } from './outbox-email.entity.js';

export const entities = [Tenant, User, Membership, Session, PasswordToken, AuditEvent, OutboxEmail];
export { TENANT_FILTER } from './tenant-filter.js';
