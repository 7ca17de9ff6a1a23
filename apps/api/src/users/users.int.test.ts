import { AuditEvent, OutboxEmail, TENANT_FILTER } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { expect, it } from 'vitest';
import { callerFor, httpClient, sessionFor, testDeps } from '../testing/test-app.js';

function linkToken(text: string): string {
  const match = /set-password\?token=([^\s]+)/.exec(text);
  if (!match?.[1]) throw new Error('no set-password link in the email');
  return decodeURIComponent(match[1]);
}

forEachDatabase('user administration', (db) => {
  const setup = async (role: 'owner' | 'admin' = 'admin') => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const actor = await seedUser(em, tenant, role);
    const deps = testDeps(db.orm());
    const caller = await callerFor(deps, await sessionFor(deps, actor.id, tenant.id));
    return { em, tenant, actor, deps, caller };
  };

  it('invites a new person: outbox email with a one-time link, then they set a password and sign in', async () => {
    const { tenant, deps, caller } = await setup();
    const invited = await caller.users.invite({ email: 'New.Hire@Example.test', name: 'New Hire', role: 'recruiter' });
    expect(invited).toMatchObject({ email: 'new.hire@example.test', status: 'invited', role: 'recruiter' });

    const em = db.orm().em.fork();
    const [email] = await em.find(OutboxEmail, { tenant, template: 'user.invite' }, { filters: { [TENANT_FILTER]: false } });
    expect(email).toMatchObject({ to: 'new.hire@example.test', status: 'pending' });
    const token = linkToken(email!.text);

    const anonymous = await callerFor(deps);
    await expect(anonymous.auth.setPassword({ token, password: 'short' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await anonymous.auth.setPassword({ token, password: 'a very fine passphrase' });
    await expect(anonymous.auth.setPassword({ token, password: 'another fine passphrase' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });

    const client = httpClient(deps);
    expect((await client.signIn('new.hire@example.test', 'a very fine passphrase')).status).toBe(200);
    expect((await caller.users.get({ id: invited.id })).status).toBe('active');
  });

  it('refuses to invite an existing member twice, and changes nothing', async () => {
    const { caller } = await setup();
    await caller.users.invite({ email: 'twice@example.test', name: 'Twice', role: 'recruiter' });
    await expect(caller.users.invite({ email: 'twice@example.test', name: 'Twice', role: 'recruiter' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const list = await caller.users.list({ filter: { q: 'twice' } });
    expect(list.total).toBe(1);
  });

  it('keeps the owner role for owners to give', async () => {
    const { em, tenant, caller } = await setup('admin');
    await expect(caller.users.invite({ email: 'boss@example.test', name: 'Boss', role: 'owner' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const owner = await seedUser(em, tenant, 'owner');
    await expect(caller.users.update({ id: owner.id, status: 'deactivated' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('does not let anyone change their own role or status', async () => {
    const { actor, caller } = await setup('owner');
    await expect(caller.users.update({ id: actor.id, role: 'recruiter' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('changes a role and deactivates a member, ending their sessions, with audit events', async () => {
    const { em, tenant, deps, caller } = await setup();
    const member = await seedUser(em, tenant, 'recruiter');
    const memberToken = await sessionFor(deps, member.id, tenant.id);

    expect(await caller.users.update({ id: member.id, role: 'hiring_manager' })).toMatchObject({ role: 'hiring_manager' });
    expect(await caller.users.update({ id: member.id, status: 'deactivated' })).toMatchObject({ status: 'deactivated' });
    expect(await deps.sessions.validate(memberToken)).toBeNull();

    const actions = (
      await db.orm().em.fork().find(AuditEvent, { tenant, targetId: member.id }, { filters: { [TENANT_FILTER]: false } })
    ).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.role_change', 'user.deactivate']));
  });

  it('lists, filters, sorts and paginates on the server', async () => {
    const { em, tenant, caller } = await setup();
    for (const name of ['Zoe Zed', 'Amy Able', 'Mia Middle']) await seedUser(em, tenant, 'recruiter', { name });
    const page = await caller.users.list({
      pagination: { page: 1, perPage: 2 },
      sort: { field: 'name', order: 'ASC' },
      filter: { role: 'recruiter' },
    });
    expect(page.total).toBe(3);
    expect(page.data.map((u) => u.name)).toEqual(['Amy Able', 'Mia Middle']);
    const search = await caller.users.list({ filter: { q: 'zOE' } });
    expect(search.data.map((u) => u.name)).toEqual(['Zoe Zed']);
  });

  it('writes no email addresses, names or passwords to the logs', async () => {
    const { deps, caller } = await setup();
    await caller.users.invite({ email: 'quiet.person@example.test', name: 'Quiet Person', role: 'recruiter' });
    const client = httpClient(deps);
    await client.signIn('quiet.person@example.test', 'wrong password here');
    await client.query('users.list', { filter: { q: 'Quiet' } });
    const logs = deps.logLines.join('\n');
    expect(deps.logLines.length).toBeGreaterThan(0);
    for (const secret of ['quiet.person', 'Quiet Person', 'wrong password here']) expect(logs).not.toContain(secret);
  });
});
