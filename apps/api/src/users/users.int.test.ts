import { AuditEvent, OutboxEmail, PasswordToken, TENANT_FILTER } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import { tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, httpClient, sessionFor, testDeps } from '../testing/test-app.js';

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

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
    const invited = await caller.users.invite({
      email: 'New.Hire@Example.test',
      name: 'New Hire',
      role: 'recruiter',
    });
    expect(invited).toMatchObject({ email: 'new.hire@example.test', status: 'invited', role: 'recruiter' });

    const em = db.orm().em.fork();
    const [email] = await em.find(
      OutboxEmail,
      { tenant, template: 'user.invite' },
      { filters: { [TENANT_FILTER]: false } },
    );
    expect(email).toMatchObject({ to: 'new.hire@example.test', status: 'pending' });
    const token = linkToken(email!.text);

    const anonymous = await callerFor(deps);
    await expect(anonymous.auth.setPassword({ token, password: 'short' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await anonymous.auth.setPassword({ token, password: 'a very fine passphrase' });
    await expect(
      anonymous.auth.setPassword({ token, password: 'another fine passphrase' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });

    const client = httpClient(deps);
    expect((await client.signIn('new.hire@example.test', 'a very fine passphrase')).status).toBe(200);
    expect((await caller.users.get({ id: invited.id })).status).toBe('active');
  });

  it('invites someone who already uses Candor exactly as someone new; they join only once they accept, signed in', async () => {
    const { tenant, deps, caller } = await setup();
    const em = db.orm().em.fork();
    const elsewhere = await seedTenant(em);
    const existing = await seedUser(em, elsewhere, 'admin', { name: 'Erika Existing' });
    const invite = (email: string) =>
      caller.users.invite({ email, name: 'Someone Typed', role: 'recruiter' });
    const asNew = await invite('brand.new@example.test');
    const asExisting = await invite(existing.email);

    // The inviter's answer, the list and the email read the same whether or not the address had an account.
    const masked = (u: typeof asNew) => ({
      ...u,
      id: 'ID',
      email: 'ADDRESS',
      name: u.name.replace(u.email, 'ADDRESS'),
      createdAt: 'T',
    });
    expect(masked(asExisting)).toEqual(masked(asNew));
    expect(asExisting).toMatchObject({ status: 'invited', name: existing.email, lastSignInAt: null });
    const listed = await caller.users.list({ filter: { status: 'invited' } });
    expect(listed.data.map(masked)).toEqual([masked(asNew), masked(asNew)]);
    expect((await caller.users.list({ filter: { q: 'Erika' } })).total).toBe(0);
    const mails = await db
      .orm()
      .em.fork()
      .find(
        OutboxEmail,
        { tenant, template: 'user.invite' },
        { filters: { [TENANT_FILTER]: false }, orderBy: { createdAt: 'asc' } },
      );
    const [newMail, existingMail] = [
      mails.find((m) => m.to === 'brand.new@example.test')!,
      mails.find((m) => m.to === existing.email)!,
    ];
    const token = linkToken(existingMail.text);
    const bodyOf = (text: string) => text.replace(/token=\S+/, 'token=T');
    expect(bodyOf(existingMail.text)).toEqual(bodyOf(newMail.text));
    expect(existingMail.subject).toEqual(newMail.subject);
    // Staff reading the outbox cannot take the link and accept in the invitee's name.
    const seen = await caller.outbox.get({ id: existingMail.id });
    expect(seen.text).toContain('token=[for the recipient only]');
    expect(seen.text).not.toContain(encodeURIComponent(token));

    // Invited is not a member: their session for the tenant reaches nothing, and they cannot switch to it.
    const pending = await callerFor(deps, await sessionFor(deps, existing.id, tenant.id));
    expect(await codeOf(pending.jobs.list({}))).toBe('FORBIDDEN');
    expect(await codeOf(pending.users.directory())).toBe('FORBIDDEN');
    const own = await callerFor(deps, await sessionFor(deps, existing.id, elsewhere.id));
    expect(await codeOf(own.auth.switchTenant({ tenantId: tenant.id }))).toBe('FORBIDDEN');
    expect((await own.auth.me()).memberships.map((m) => m.tenantId)).toEqual([elsewhere.id]);

    // The link alone does not replace their password, and nobody else can use it.
    const anonymous = await callerFor(deps);
    expect(await codeOf(anonymous.auth.setPassword({ token, password: 'a takeover passphrase' }))).toBe(
      'BAD_REQUEST',
    );
    expect((await httpClient(deps).signIn(existing.email)).status).toBe(200);
    expect(await codeOf(anonymous.users.acceptInvitation({ token }))).toBe('UNAUTHORIZED');
    expect(await codeOf(caller.users.acceptInvitation({ token }))).toBe('NOT_FOUND');
    expect((await caller.users.get({ id: existing.id })).status).toBe('invited');

    // Signed in as themselves, they accept once; then the tenant is theirs to switch to, audited.
    expect(await own.users.acceptInvitation({ token })).toEqual({
      tenantId: tenant.id,
      tenantSlug: tenant.slug,
      tenantName: tenant.name,
      role: 'recruiter',
    });
    expect(await codeOf(own.users.acceptInvitation({ token }))).toBe('NOT_FOUND');
    expect((await own.auth.switchTenant({ tenantId: tenant.id })).role).toBe('recruiter');
    expect(await codeOf(pending.jobs.list({}))).toBe('OK');
    expect(await caller.users.get({ id: existing.id })).toMatchObject({
      status: 'active',
      name: 'Erika Existing',
    });
    const audit = await tenantEm(db.orm(), tenant.id).find(AuditEvent, { action: 'user.accept_invite' });
    expect(audit.map((e) => [e.actorId, e.targetId])).toEqual([[existing.id, existing.id]]);
  });

  it('an invitation link expires, and a withdrawn invitation cannot be accepted', async () => {
    const { tenant, deps, caller } = await setup();
    const em = db.orm().em.fork();
    const elsewhere = await seedTenant(em);
    const existing = await seedUser(em, elsewhere, 'recruiter');
    const own = await callerFor(deps, await sessionFor(deps, existing.id, elsewhere.id));
    const invited = await caller.users.invite({ email: existing.email, name: 'X', role: 'recruiter' });
    const tokenOf = async () => {
      const [mail] = await db
        .orm()
        .em.fork()
        .find(
          OutboxEmail,
          { tenant, to: existing.email },
          { filters: { [TENANT_FILTER]: false }, orderBy: { createdAt: 'desc' } },
        );
      return linkToken(mail!.text);
    };
    const token = await tokenOf();
    await em.nativeUpdate(PasswordToken, { user: existing.id }, { expiresAt: new Date(Date.now() - 1000) });
    expect(await codeOf(own.users.acceptInvitation({ token }))).toBe('NOT_FOUND');
    await em.nativeUpdate(
      PasswordToken,
      { user: existing.id },
      { expiresAt: new Date(Date.now() + 86_400_000) },
    );
    await caller.users.update({ id: invited.id, status: 'deactivated' });
    expect(await codeOf(own.users.acceptInvitation({ token }))).toBe('NOT_FOUND');
    expect((await caller.users.get({ id: invited.id })).status).toBe('deactivated');
  });

  it('refuses to invite an existing member twice, and changes nothing', async () => {
    const { caller } = await setup();
    await caller.users.invite({ email: 'twice@example.test', name: 'Twice', role: 'recruiter' });
    await expect(
      caller.users.invite({ email: 'twice@example.test', name: 'Twice', role: 'recruiter' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const list = await caller.users.list({ filter: { q: 'twice' } });
    expect(list.total).toBe(1);
  });

  it('keeps the owner role for owners to give', async () => {
    const { em, tenant, caller } = await setup('admin');
    await expect(
      caller.users.invite({ email: 'boss@example.test', name: 'Boss', role: 'owner' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const owner = await seedUser(em, tenant, 'owner');
    await expect(caller.users.update({ id: owner.id, status: 'deactivated' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('does not let anyone change their own role or status', async () => {
    const { actor, caller } = await setup('owner');
    await expect(caller.users.update({ id: actor.id, role: 'recruiter' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('changes a role and deactivates a member, ending their sessions, with audit events', async () => {
    const { em, tenant, deps, caller } = await setup();
    const member = await seedUser(em, tenant, 'recruiter');
    const memberToken = await sessionFor(deps, member.id, tenant.id);

    expect(await caller.users.update({ id: member.id, role: 'hiring_manager' })).toMatchObject({
      role: 'hiring_manager',
    });
    expect(await caller.users.update({ id: member.id, status: 'deactivated' })).toMatchObject({
      status: 'deactivated',
    });
    expect(await deps.sessions.validate(memberToken)).toBeNull();

    const actions = (
      await db
        .orm()
        .em.fork()
        .find(AuditEvent, { tenant, targetId: member.id }, { filters: { [TENANT_FILTER]: false } })
    ).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.role_change', 'user.deactivate']));
  });

  it('lists, filters, sorts and paginates on the server', async () => {
    const { em, tenant, caller } = await setup();
    for (const name of ['Zoe Zed', 'Amy Able', 'Mia Middle'])
      await seedUser(em, tenant, 'recruiter', { name });
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
    await caller.users.invite({
      email: 'quiet.person@example.test',
      name: 'Quiet Person',
      role: 'recruiter',
    });
    const client = httpClient(deps);
    await client.signIn('quiet.person@example.test', 'wrong password here');
    await client.query('users.list', { filter: { q: 'Quiet' } });
    const logs = deps.logLines.join('\n');
    expect(deps.logLines.length).toBeGreaterThan(0);
    for (const secret of ['quiet.person', 'Quiet Person', 'wrong password here'])
      expect(logs).not.toContain(secret);
  });
});
