import { canAssignRole, ROLE_LABELS, ROLES, type TMembershipStatus, type TRole } from '@candor/schemas';

export type Choice = { id: string; name: string; disabled?: boolean };

export const ROLE_CHOICES: Choice[] = ROLES.map((role) => ({ id: role, name: ROLE_LABELS[role] }));

export const STATUS_LABELS: Record<TMembershipStatus, string> = {
  invited: 'Invited',
  active: 'Active',
  deactivated: 'Deactivated',
};

export const STATUS_CHOICES: Choice[] = Object.entries(STATUS_LABELS).map(([id, name]) => ({ id, name }));

/** Only an owner may hand out the owner role; the API refuses it anyway, the form should not offer it. */
export function assignableRoleChoices(actor: TRole | undefined): Choice[] {
  if (!actor) return [];
  return ROLES.filter((role) => canAssignRole(actor, role)).map((role) => ({
    id: role,
    name: ROLE_LABELS[role],
  }));
}

/** All roles, the ones the actor may not hand out shown but disabled (so a current "Owner" still displays). */
export function roleChoicesFor(actor: TRole | undefined): Choice[] {
  return ROLES.map((role) => ({
    id: role,
    name: ROLE_LABELS[role],
    disabled: !actor || !canAssignRole(actor, role),
  }));
}

/** "Invited" is where an invitation starts, never something an admin picks. */
export const EDITABLE_STATUS_CHOICES: Choice[] = STATUS_CHOICES.map((choice) => ({
  ...choice,
  disabled: choice.id === 'invited',
}));
