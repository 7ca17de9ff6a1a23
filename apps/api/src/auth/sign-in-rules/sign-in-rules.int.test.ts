import { Membership, Tenant } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { expect, it } from 'vitest';
import { callerFor, httpClient, sessionFor, testDeps } from '../../testing/test-app.js';
import { totpCodeFor } from '../../testing/totp-code.js';

type Client = ReturnType<typeof httpClient>;
type Rules = {
  requireSecondFactor: boolean;
  members: { email: string; secondFactors: string[]; passkeys: number }[];
};

async function data<T>(res: Response): Promise<T> {
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!body.result) throw new Error(`expected a result, got ${res.status} ${JSON.stringify(body.error)}`);
  return body.result.data;
}

async function errorOf(res: Response) {
  return (
    (await res.json()) as { error: { message: string; data: { fieldErrors?: Record<string, string[]> } } }
  ).error;
}

/** Sets up TOTP for the signed-in client; the session it ends with counts as signed in with a second factor. */
async function enrolTotp(client: Client): Promise<string> {
  const { secret } = await data<{ secret: string }>(await client.mutate('twoFactor.startTotp'));
  expect((await client.mutate('twoFactor.confirmTotp', { code: totpCodeFor(secret) })).status).toBe(200);
  return secret;
}

forEachDatabase('a tenant that requires a second factor', (db) => {
  async function setUp() {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const owner = await seedUser(em, tenant, 'owner');
    const recruiter = await seedUser(em, tenant, 'recruiter');
    const deps = testDeps(db.orm());
    const ownerBrowser = httpClient(deps);
    expect((await ownerBrowser.signIn(owner.email)).status).toBe(200);
    return { em, tenant, owner, recruiter, deps, ownerBrowser };
  }

  it('is turned on only by an owner who signed in with a second factor, and audited', async () => {
    const { tenant, deps, ownerBrowser, recruiter } = await setUp();
    const refused = await ownerBrowser.mutate('signInRules.setRequireSecondFactor', { required: true });
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).data.fieldErrors).toEqual({
      required: ['You signed in with a password only'],
    });

    const admin = httpClient(deps);
    await admin.signIn(recruiter.email);
    expect((await admin.mutate('signInRules.setRequireSecondFactor', { required: true })).status).toBe(403);

    await enrolTotp(ownerBrowser);
    const rules = await data<Rules>(
      await ownerBrowser.mutate('signInRules.setRequireSecondFactor', { required: true }),
    );
    expect(rules.requireSecondFactor).toBe(true);
    const fresh = db.orm().em.fork();
    expect((await fresh.findOneOrFail(Tenant, tenant.id)).requireSecondFactor).toBe(true);
    const audit = await data<{ data: { action: string }[] }>(
      await ownerBrowser.query('audit.list', { filter: { action: 'tenant.require_second_factor' } }),
    );
    expect(audit.data).toHaveLength(1);
  });

  it('shows the owner who has which factor, and the users list shows it too', async () => {
    const { ownerBrowser, owner, recruiter, deps } = await setUp();
    await enrolTotp(ownerBrowser);
    const rules = await data<Rules>(await ownerBrowser.query('signInRules.get'));
    const byEmail = Object.fromEntries(rules.members.map((m) => [m.email, m]));
    expect(byEmail[owner.email]).toMatchObject({ secondFactors: ['totp'], passkeys: 0 });
    expect(byEmail[recruiter.email]).toMatchObject({ secondFactors: [], passkeys: 0 });

    const users = await data<{ data: { email: string; secondFactors: string[] }[] }>(
      await ownerBrowser.query('users.list', {}),
    );
    expect(users.data.find((u) => u.email === owner.email)?.secondFactors).toEqual(['totp']);
    // The recruiter reads neither.
    const member = httpClient(deps);
    await member.signIn(recruiter.email);
    expect((await member.query('signInRules.get')).status).toBe(403);
  });

  it('sends a password-only member to enrolment, even mid-session, and lets them in once enrolled', async () => {
    const { ownerBrowser, recruiter, deps } = await setUp();
    const member = httpClient(deps);
    await member.signIn(recruiter.email);
    expect((await member.query('jobs.list', {})).status).toBe(200);

    await enrolTotp(ownerBrowser);
    await data(await ownerBrowser.mutate('signInRules.setRequireSecondFactor', { required: true }));

    // The member's open session is stopped at the next request, with a message the backoffice recognises.
    const stopped = await member.query('jobs.list', {});
    expect(stopped.status).toBe(403);
    expect((await errorOf(stopped)).message).toMatch(/^Second factor required/);
    expect(await data<{ secondFactorRequired: boolean }>(await member.query('auth.me'))).toMatchObject({
      secondFactorRequired: true,
    });
    // Only enrolment is open to them (and their own account and signing out).
    expect((await member.query('twoFactor.status')).status).toBe(200);
    const secret = await enrolTotp(member);
    expect((await member.query('jobs.list', {})).status).toBe(200);
    expect(await data<{ secondFactorRequired: boolean }>(await member.query('auth.me'))).toMatchObject({
      secondFactorRequired: false,
    });

    // Next time, password and code: the session is a second-factor one from the start.
    const later = httpClient(deps);
    const { secondFactor } = await data<{ secondFactor: { token: string } }>(
      await later.signIn(recruiter.email),
    );
    // The code just used for enrolment is spent; the next step's code is accepted.
    const nextStepCode = totpCodeFor(secret, 1);
    expect(
      (
        await later.mutate('auth.completeSignIn', {
          method: 'totp',
          token: secondFactor.token,
          code: nextStepCode,
        })
      ).status,
    ).toBe(200);
    expect((await later.query('jobs.list', {})).status).toBe(200);
  });

  it('keeps the last second factor while the organisation requires one', async () => {
    const { ownerBrowser } = await setUp();
    const secret = await enrolTotp(ownerBrowser);
    await data(await ownerBrowser.mutate('signInRules.setRequireSecondFactor', { required: true }));
    const refused = await ownerBrowser.mutate('twoFactor.disableTotp', { code: totpCodeFor(secret) });
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).message).toMatch(/requires a second factor/);
    expect(await data(await ownerBrowser.query('twoFactor.status'))).toMatchObject({ totp: true });

    await data(await ownerBrowser.mutate('signInRules.setRequireSecondFactor', { required: false }));
    const nextStepCode = totpCodeFor(secret, 1);
    expect((await ownerBrowser.mutate('twoFactor.disableTotp', { code: nextStepCode })).status).toBe(200);
  });

  it('does not stop members of other tenants, nor sessions signed in another way', async () => {
    const { em, ownerBrowser, deps } = await setUp();
    const other = await seedTenant(em);
    const outsider = await seedUser(em, other, 'recruiter');
    await enrolTotp(ownerBrowser);
    await data(await ownerBrowser.mutate('signInRules.setRequireSecondFactor', { required: true }));
    const client = httpClient(deps);
    await client.signIn(outsider.email);
    expect((await client.query('jobs.list', {})).status).toBe(200);
  });

  it('confines a single sign-on session to its organisation: no other tenant, no account changes', async () => {
    const { em, tenant, recruiter, deps } = await setUp();
    const other = await seedTenant(em);
    em.create(Membership, { tenant: other, user: recruiter.id, role: 'admin', status: 'active' });
    await em.flush();
    const token = await sessionFor(deps, recruiter.id, tenant.id, 'single_sign_on');
    const caller = await callerFor(deps, token);
    const me = await caller.auth.me();
    expect(me.signedInWith).toBe('single_sign_on');
    expect(me.memberships.map((m) => m.tenantId)).toEqual([tenant.id]);
    await expect(caller.auth.switchTenant({ tenantId: other.id })).rejects.toThrow(/single sign-on/);
    await expect(caller.auth.sessions()).rejects.toThrow(/single sign-on/);
    await expect(caller.passkeys.startRegistration()).rejects.toThrow(/single sign-on/);
    // Its own organisation's work goes on as usual.
    expect((await caller.jobs.list({})).total).toBeGreaterThanOrEqual(0);
  });
});
