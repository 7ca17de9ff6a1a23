import { AuditEvent, Membership, OutboxEmail, TENANT_FILTER } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser, TEST_PASSWORD } from '@candor/db/testing';
import { expect, it } from 'vitest';
import { callerFor, httpClient, sessionFor, TEST_ORIGIN, testDeps } from '../testing/test-app.js';
import { resetOwnerCommand } from './reset-owner.js';

const ALL_TENANTS = { filters: { [TENANT_FILTER]: false } } as const;
const NEW_PASSWORD = 'plum tractor seventeen lagoon';

function resetToken(text: string): string {
  const match = /#\/reset-password\?token=([^\s]+)/.exec(text);
  if (!match?.[1]) throw new Error('no reset link');
  return decodeURIComponent(match[1]);
}

forEachDatabase('password reset sent by an admin', (db) => {
  const setup = async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em, { name: 'Acme Robotics' });
    const admin = await seedUser(em, tenant, 'admin', { name: 'Ada Admin' });
    const member = await seedUser(em, tenant, 'recruiter');
    const deps = testDeps(db.orm());
    const caller = await callerFor(deps, await sessionFor(deps, admin.id, tenant.id));
    return { em, tenant, admin, member, deps, caller };
  };
  const resetMailsTo = (to: string) =>
    db.orm().em.fork().find(OutboxEmail, { to, template: 'user.password_reset' }, ALL_TENANTS);

  it("emails the member a link naming the admin; the member's password and sessions last until they use it", async () => {
    const { tenant, admin, member, deps, caller } = await setup();
    const memberBrowser = httpClient(deps);
    await memberBrowser.signIn(member.email);

    expect(await caller.users.sendPasswordReset({ id: member.id })).toEqual({ ok: true });
    const [mail] = await resetMailsTo(member.email);
    expect(mail!.tenant?.id).toBe(tenant.id);
    expect(mail!.text).toContain('Ada Admin, an admin of Acme Robotics');
    // The admin reads the outbox without the link in it.
    const outbox = await caller.outbox.get({ id: mail!.id });
    expect(JSON.stringify(outbox)).not.toContain(resetToken(mail!.text));
    expect((await memberBrowser.query('auth.me')).status).toBe(200);

    await (await callerFor(deps)).auth.setPassword({ token: resetToken(mail!.text), password: NEW_PASSWORD });
    expect((await memberBrowser.query('auth.me')).status).toBe(401);
    expect((await httpClient(deps).signIn(member.email, NEW_PASSWORD)).status).toBe(200);
    const sent = await db
      .orm()
      .em.fork()
      .find(AuditEvent, { tenant, action: 'user.send_password_reset' }, ALL_TENANTS);
    expect(sent.map((e) => [e.actorId, e.targetId])).toEqual([[admin.id, member.id]]);
  });

  it('refuses invited and deactivated members, and members of another tenant', async () => {
    const { em, tenant, caller } = await setup();
    const invited = await seedUser(em, tenant, 'recruiter', { status: 'invited' });
    const deactivated = await seedUser(em, tenant, 'recruiter', { status: 'deactivated' });
    const foreign = await seedUser(em, await seedTenant(em), 'recruiter');
    await expect(caller.users.sendPasswordReset({ id: invited.id })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(caller.users.sendPasswordReset({ id: deactivated.id })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(caller.users.sendPasswordReset({ id: foreign.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    for (const user of [invited, deactivated, foreign])
      expect(await resetMailsTo(user.email)).toHaveLength(0);
  });
});

forEachDatabase('pnpm users:reset-owner', (db) => {
  it("prints a single-use link for the tenant's owner, audited, which lets them back in", async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em, { name: 'Locked Out Ltd' });
    const owner = await seedUser(em, tenant, 'owner');
    const deps = testDeps(db.orm());
    const ownerBrowser = httpClient(deps);
    await ownerBrowser.signIn(owner.email);

    const result = await resetOwnerCommand(db.orm().em.fork(), {
      tenantSlug: tenant.slug,
      publicUrl: TEST_ORIGIN,
    });
    expect(result.ok).toBe(true);
    expect(result.lines.join('\n')).toContain(`${owner.email}, owner of Locked Out Ltd`);
    const link = result.lines.find((line) =>
      line.startsWith(`${TEST_ORIGIN}/admin/#/reset-password?token=`),
    )!;
    // Printed, not emailed.
    expect(await db.orm().em.fork().find(OutboxEmail, { to: owner.email }, ALL_TENANTS)).toHaveLength(0);

    const anonymous = await callerFor(deps);
    await anonymous.auth.setPassword({ token: resetToken(link), password: NEW_PASSWORD });
    await expect(
      anonymous.auth.setPassword({ token: resetToken(link), password: NEW_PASSWORD }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect((await ownerBrowser.query('auth.me')).status).toBe(401);
    expect((await httpClient(deps).signIn(owner.email, TEST_PASSWORD)).status).toBe(401);
    expect((await httpClient(deps).signIn(owner.email, NEW_PASSWORD)).status).toBe(200);
    const audited = await db
      .orm()
      .em.fork()
      .find(AuditEvent, { tenant, action: 'user.owner_reset_link' }, ALL_TENANTS);
    expect(audited).toMatchObject([{ actorId: null, targetId: owner.id }]);
  });

  it('names the problem for an unknown tenant, no owner, or several owners, and takes --email to choose', async () => {
    const em = db.orm().em.fork();
    const run = (tenantSlug: string, email?: string) =>
      resetOwnerCommand(db.orm().em.fork(), { tenantSlug, email, publicUrl: TEST_ORIGIN });
    expect(await run('no-such-tenant')).toEqual({
      ok: false,
      lines: ['No tenant with the slug "no-such-tenant"'],
    });

    const tenant = await seedTenant(em, { name: 'Two Owners Inc' });
    const deactivated = await seedUser(em, tenant, 'owner', { status: 'deactivated' });
    expect(await run(tenant.slug)).toEqual({ ok: false, lines: ['Two Owners Inc has no active owner'] });
    const [first, second] = [
      await seedUser(em, tenant, 'owner'),
      await seedUser(em, await seedTenant(em), 'admin'),
    ];
    em.create(Membership, { tenant, user: second, role: 'owner', status: 'active' });
    await em.flush();
    const several = await run(tenant.slug);
    expect(several.ok).toBe(false);
    expect(several.lines[0]).toBe('Two Owners Inc has 2 owners; choose one with --email <address>:');
    expect((await run(tenant.slug, deactivated.email)).ok).toBe(false);
    const chosen = await run(tenant.slug, first.email.toUpperCase());
    expect(chosen.ok).toBe(true);
    expect(chosen.lines[0]).toContain(first.email);
  });
});
