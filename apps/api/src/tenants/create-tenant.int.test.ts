import { AuditEvent, Membership, TENANT_FILTER, Tenant } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser, TEST_PASSWORD } from '@candor/db/testing';
import { expect, it } from 'vitest';
import { callerFor, httpClient, testDeps } from '../testing/test-app.js';
import { createTenantCommand } from './create-tenant.js';

const ALL = { filters: { [TENANT_FILTER]: false } } as const;
const PUBLIC_URL = 'https://jobs.example.test';
const NEW_PASSWORD = 'a long enough passphrase for the new owner';

/** The token of the invitation link the command printed. */
function tokenOf(lines: string[]): string {
  const link = lines.find((line) => line.startsWith(`${PUBLIC_URL}/admin/#/set-password?token=`));
  expect(link).toBeTruthy();
  return decodeURIComponent(new URL(link!.replace('#/', '')).searchParams.get('token')!);
}

forEachDatabase('pnpm tenants:create', (db) => {
  it('makes an organisation whose invited owner chooses a password with the printed link and signs in', async () => {
    const deps = testDeps(db.orm());
    const slug = `new-org-${Math.random().toString(36).slice(2, 8)}`;
    const email = `owner-${slug}@example.test`;
    const { ok, lines } = await createTenantCommand(
      db.orm().em.fork(),
      { name: 'New Org', slug, ownerEmail: ` ${email.toUpperCase()} `, ownerName: 'Nora Owner' },
      PUBLIC_URL,
    );
    expect(ok).toBe(true);
    expect(lines[0]).toContain(`${PUBLIC_URL}/careers/${slug}/`);
    const em = db.orm().em.fork();
    const tenant = await em.findOneOrFail(Tenant, { slug }, ALL);
    const [membership] = await em.find(Membership, { tenant }, { ...ALL, populate: ['user'] });
    expect(membership).toMatchObject({ role: 'owner', status: 'invited' });
    expect(membership!.user.email).toBe(email);
    expect(await em.count(AuditEvent, { tenant, action: 'tenant.create', actorId: null }, ALL)).toBe(1);

    // No password yet: nobody signs in until the owner uses the link, once.
    expect((await httpClient(deps).signIn(email, NEW_PASSWORD)).status).not.toBe(200);
    const token = tokenOf(lines);
    await (await callerFor(deps)).auth.setPassword({ token, password: NEW_PASSWORD });
    await expect(
      (await callerFor(deps)).auth.setPassword({ token, password: NEW_PASSWORD }),
    ).rejects.toThrow();
    expect((await httpClient(deps).signIn(email, NEW_PASSWORD)).status).toBe(200);
    const active = await db.orm().em.fork().findOneOrFail(Membership, { tenant }, ALL);
    expect(active.status).toBe('active');
  });

  it('invites someone who already uses Candor to the new organisation without touching their password', async () => {
    const em = db.orm().em.fork();
    const elsewhere = await seedTenant(em);
    const person = await seedUser(em, elsewhere, 'admin');
    const slug = `second-${Math.random().toString(36).slice(2, 8)}`;
    const { ok } = await createTenantCommand(
      db.orm().em.fork(),
      { name: 'Second Org', slug, ownerEmail: person.email, ownerName: 'Ignored' },
      PUBLIC_URL,
    );
    expect(ok).toBe(true);
    const tenant = await db.orm().em.fork().findOneOrFail(Tenant, { slug }, ALL);
    const membership = await db.orm().em.fork().findOneOrFail(Membership, { tenant }, ALL);
    expect(membership.user.id).toBe(person.id);
    expect((await httpClient(testDeps(db.orm())).signIn(person.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('refuses a taken slug and bad flags, naming the flag, and changes nothing', async () => {
    const em = db.orm().em.fork();
    const taken = await seedTenant(em);
    const before = await db.orm().em.fork().count(Tenant, {}, ALL);
    const clash = await createTenantCommand(
      db.orm().em.fork(),
      { name: 'Clash', slug: taken.slug, ownerEmail: 'x@example.test', ownerName: 'X' },
      PUBLIC_URL,
    );
    expect(clash).toEqual({ ok: false, lines: [`--slug: "${taken.slug}" is taken; choose another`] });
    const bad = await createTenantCommand(
      db.orm().em.fork(),
      { name: '', slug: 'Not A Slug', ownerEmail: 'nope' },
      PUBLIC_URL,
    );
    expect(bad.ok).toBe(false);
    expect(bad.lines.join('\n')).toMatch(/--name:/);
    expect(bad.lines.join('\n')).toMatch(/--slug: Use lowercase letters/);
    expect(bad.lines.join('\n')).toMatch(/--owner-email: Enter a valid email address/);
    expect(bad.lines.join('\n')).toMatch(/--owner-name:/);
    expect(await db.orm().em.fork().count(Tenant, {}, ALL)).toBe(before);
  });
});
