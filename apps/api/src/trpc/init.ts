import {
  type Em,
  Membership,
  NotFoundError,
  TENANT_FILTER,
  UniqueConstraintViolationException,
} from '@candor/db';
import { roleCan, type TPermission, type TRole } from '@candor/schemas';
import { initTRPC, TRPCError } from '@trpc/server';
import { nulFieldErrors } from '../http/nul-characters.js';
import { errorFields } from '../logging/logger.js';
import { AppError } from './app-error.js';
import type { Context } from './context.js';
import { tenantChanged } from './tenant-changes.js';

/**
 * Who may call a procedure. Every procedure is built from one of the
 * builders below, which set this; the authorization test reads it back for
 * every procedure of the router and fails on a procedure without one.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'authed' }
  | { kind: 'tenant' }
  | { kind: 'permission'; permission: TPermission };
export type Meta = {
  access?: Access;
  /** Open to a session the tenant would otherwise send to enrolment (see SECOND_FACTOR_REQUIRED). */
  secondFactorEnrolment?: boolean;
  /** Changes or reveals the user's Candor account as a whole: closed to single sign-on sessions (see ownAccountProcedure). */
  ownAccount?: boolean;
};

/**
 * What a password-only session meets in a tenant that requires a second
 * factor: the backoffice recognises the message prefix and shows enrolment.
 */
export const SECOND_FACTOR_REQUIRED = 'Second factor required';

type Issue = { path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>; message: string };

function hasIssues(value: unknown): value is { issues: Issue[] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as { issues?: unknown }).issues);
}

/** Zod (or any Standard Schema) issues as `{ "field.path": [messages] }`. */
export function fieldErrorsOf(issues: Issue[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const key =
      (issue.path ?? [])
        .map((p) => (typeof p === 'object' && p !== null ? String(p.key) : String(p)))
        .join('.') || '_form';
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      // Zod issues (bad input) and a service's own field errors (e.g. CONFLICT on an
      // email already in use) both reach the form as errors next to the field.
      const fieldErrors =
        error.code === 'BAD_REQUEST' && hasIssues(cause)
          ? fieldErrorsOf(cause.issues)
          : cause instanceof AppError
            ? cause.fieldErrors
            : undefined;
      const message =
        error.code === 'BAD_REQUEST' && hasIssues(cause) ? 'Some fields are not valid' : shape.message;
      const { stack: _stack, ...data } = shape.data;
      return { ...shape, message, data: { ...data, fieldErrors } };
    },
  });

/** Maps service errors to tRPC codes, and logs unexpected ones without their messages. */
const errorMapping = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  // A failed procedure's transaction was rolled back, but entities it loaded
  // and changed may still sit in the request's identity map; drop them so no
  // later flush on this EntityManager can write half of a failed change.
  if (!result.ok) ctx.em.clear();
  if (result.ok || result.error.code !== 'INTERNAL_SERVER_ERROR') return result;
  const cause = result.error.cause;
  if (cause instanceof AppError) {
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  if (cause instanceof NotFoundError) throw new TRPCError({ code: 'NOT_FOUND', message: 'Not found', cause });
  if (cause instanceof UniqueConstraintViolationException) {
    throw new TRPCError({ code: 'CONFLICT', message: 'This already exists', cause });
  }
  ctx.deps.logger.error('procedure failed', {
    requestId: ctx.requestId,
    procedure: path,
    ...errorFields(cause),
  });
  throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side' });
});

/**
 * Refuses NUL anywhere in a procedure's input, before its schema or service
 * runs: one check for every text field and search of the API (see nul-characters.ts).
 */
const refuseNul = t.middleware(async ({ getRawInput, next }) => {
  const fieldErrors = nulFieldErrors(await getRawInput());
  if (fieldErrors) {
    const cause = new AppError('BAD_REQUEST', 'Some fields are not valid', fieldErrors);
    throw new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause });
  }
  return next();
});

/**
 * Each procedure call gets its own EntityManager: the calls of one batched
 * request run at the same time, and on a shared one a call's flush (an audit
 * write) could send another call's query into its finished transaction, or
 * a failed call's `clear()` drop entities another call is still using.
 */
const ownEntityManager = t.middleware(({ ctx, next }) => next({ ctx: { em: ctx.em.fork() } }));

const base = t.procedure.use(ownEntityManager).use(errorMapping).use(refuseNul);

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = base.meta({ access: { kind: 'public' } });

export const authedProcedure = base.meta({ access: { kind: 'authed' } }).use(({ ctx, meta, next }) => {
  if (!ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in' });
  // A tenant's identity provider vouches for its own organisation only: it chooses which addresses
  // it asserts, so a session it opened must not reach the person's account or other organisations.
  if (meta?.ownAccount && ctx.session.signedInWith === 'single_sign_on') {
    throw new TRPCError({ code: 'FORBIDDEN', message: SIGNED_IN_THROUGH_SSO });
  }
  return next({ ctx: { session: ctx.session, userId: ctx.session.userId } });
});

export const SIGNED_IN_THROUGH_SSO =
  "You signed in through your organisation's single sign-on: sign in with your password or a passkey to manage your Candor account";

/** The user's own account (sessions, password, tenant switching): not for single sign-on sessions. */
export const ownAccountProcedure = authedProcedure.meta({ ownAccount: true });

export interface Actor {
  userId: string;
  tenantId: string;
  role: TRole;
  requestId: string;
}

type TenantAccess = { role: TRole; requireSecondFactor: boolean };

/**
 * The caller's active membership of the session's tenant (and whether the
 * tenant requires a second factor), read in one query once per request: the
 * calls of a batch share the request's session object, so they share this.
 */
const accessOfRequest = new WeakMap<object, Promise<TenantAccess | null>>();

function tenantAccessOf(
  em: Em,
  session: { userId: string; activeTenantId: string },
): Promise<TenantAccess | null> {
  let access = accessOfRequest.get(session);
  if (!access) {
    access = em
      .findOne(
        Membership,
        { user: session.userId, tenant: session.activeTenantId, status: 'active' },
        { populate: ['tenant'], filters: { [TENANT_FILTER]: false } },
      )
      .then((m) => (m ? { role: m.role, requireSecondFactor: m.tenant.requireSecondFactor } : null));
    accessOfRequest.set(session, access);
  }
  return access;
}

/**
 * Scopes the request to the session's active tenant: the membership must be
 * active, and every tenant-owned query is filtered to that tenant from here on.
 */
export const tenantProcedure = authedProcedure
  .meta({ access: { kind: 'tenant' } })
  .use(async ({ ctx, meta, next, type }) => {
    const tenantId = ctx.session.activeTenantId;
    const access = await tenantAccessOf(ctx.em, ctx.session);
    if (!access) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'You are no longer a member of this organisation' });
    }
    // Checked on every request, not only at sign-in: switching to such a tenant, or its owner
    // turning the rule on, sends a password-only session to enrolment straight away.
    if (
      ctx.session.signedInWith === 'password' &&
      !meta?.secondFactorEnrolment &&
      access.requireSecondFactor
    ) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `${SECOND_FACTOR_REQUIRED}: your organisation asks everyone to set up a second factor before going on`,
      });
    }
    ctx.em.setFilterParams(TENANT_FILTER, { tenantId });
    const actor: Actor = { userId: ctx.userId, tenantId, role: access.role, requestId: ctx.requestId };
    const result = await next({ ctx: { actor } });
    // The change has committed: a failure to count it must not turn the answer into an error (copies still expire).
    if (type === 'mutation' && result.ok)
      await tenantChanged(ctx.em, tenantId).catch((error: unknown) =>
        ctx.deps.logger.warn('tenant change not counted', { tenantId, ...errorFields(error) }),
      );
    return result;
  });

/** The user's own second factors, in the tenant they are signed in to: not for single sign-on sessions. */
export const ownFactorProcedure = tenantProcedure.meta({ ownAccount: true });

/** What a member may do before enrolling a second factor their tenant requires: set one up (their own account). */
export const enrolmentProcedure = tenantProcedure.meta({ secondFactorEnrolment: true, ownAccount: true });

export function roleProcedure(permission: TPermission) {
  return tenantProcedure.meta({ access: { kind: 'permission', permission } }).use(({ ctx, next }) => {
    if (!roleCan(ctx.actor.role, permission)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Your role does not allow this' });
    }
    return next();
  });
}
