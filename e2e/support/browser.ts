import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { expect, inject, onTestFailed, vi } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    servers: Array<{
      dialect: string;
      url: string;
      dataDir: string;
      /** Candor's SMTP endpoint for replies. */
      smtpPort: number;
      /** The IMAP mailbox the server polls for replies; null without Dovecot. */
      mailbox: { host: string; port: number; user: string; password: string } | null;
    }>;
  }
}

export function servers() {
  return inject('servers');
}

/** Debian's Chromium, started the way this machine's closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const ARTIFACTS = resolve(import.meta.dirname, '..', 'artifacts');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

const axeSource = (): string => {
  const require = createRequire(import.meta.url);
  return require('node:fs').readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') as string;
};

/** Runs axe-core (WCAG 2.x A/AA rules) in the page and returns the violations. */
export async function axeViolations(
  page: Page,
): Promise<Array<{ id: string; help: string; targets: string[] }>> {
  await page.addScriptTag({ content: axeSource() });
  const run = () =>
    page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              ctx: Document,
              opts: object,
            ) => Promise<{
              violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }>;
            }>;
          };
        }
      ).axe;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      });
      return result.violations.map((v) => ({
        id: v.id,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));
    });
  // A backoffice page still loading its data changes under axe (a section replacing its
  // placeholder, a button drawn in its loading state): wait until the app bar's loading
  // indicator has gone. Pages without one (the careers site) go on at once.
  await page.waitForFunction(() => !document.querySelector('header [role="progressbar"]'));
  // A page caught mid-transition (a notification fading in, a dialog closing) shows half-drawn colours.
  await transitionsDone(page);
  return run();
}

/**
 * Waits until no transition or finite animation runs (a dialog fading in, a
 * notification sliding in), so a screenshot or an accessibility check sees
 * the page at rest. Endless ones (a spinner, a skeleton's pulse) never end
 * and are left out.
 */
export async function transitionsDone(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity,
      ),
  );
}

/**
 * Waits until no part of the page says it is loading (`aria-busy`), e.g. the
 * panels of an application or candidate page that load after the record.
 */
export async function panelsLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
}

/**
 * The rows of the list table on the page once its records are in: while it
 * loads, react-admin draws rows of empty placeholders, which a click or a
 * read would otherwise hit on a busy machine.
 */
export async function loadedListRows(page: Page): Promise<Locator> {
  const rows = page.locator('table tbody tr').filter({ hasText: /\w/ });
  await rows.first().waitFor();
  return rows;
}

export const DEMO_PASSWORD = 'candor-demo-pass';

/**
 * A page in a fresh browser context that screenshots itself if the test
 * fails. bypassCSP lets the test inject axe-core; the app itself allows no
 * inline scripts.
 */
export async function newTestPage(
  browser: Browser,
  options: { javaScriptEnabled?: boolean; width?: number; height?: number } = {},
): Promise<Page> {
  const context = await browser.newContext({
    bypassCSP: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
  });
  const page = await context.newPage();
  onTestFailed(async () => {
    const name = (expect.getState().currentTestName ?? 'test').replace(/\W+/g, '-').slice(-80);
    if (!page.isClosed()) await screenshot(page, `failed-${name}`);
  });
  return page;
}

/** Signs in to the backoffice as a demo user and waits for the dashboard. */
export async function signIn(page: Page, baseUrl: string, email = 'admin@acme.example'): Promise<void> {
  await page.goto(`${baseUrl}/admin/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByText(/^Welcome/).waitFor();
}

/** A fresh page signed in to the backoffice as a demo user, wide enough for the application pages. */
export async function signedInPage(browser: Browser, baseUrl: string, email: string): Promise<Page> {
  const page = await newTestPage(browser, { width: 1440 });
  await signIn(page, baseUrl, email);
  return page;
}

/**
 * A tRPC query as the signed-in user of `page` (same cookies, same origin),
 * for looking up ids and values the test then checks in the UI.
 */
export async function queryAs<T>(page: Page, procedure: string, input?: unknown): Promise<T> {
  return page.evaluate(
    async ({ procedure, input }) => {
      const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      const response = await fetch(`/trpc/${procedure}${query}`);
      const body = await response.json();
      if (!response.ok) throw new Error(`${procedure}: ${JSON.stringify(body)}`);
      return body.result.data;
    },
    { procedure, input },
  );
}

/** A tRPC mutation as whoever is signed in on `page` (same cookies, same origin), returning its data. */
export async function mutateAs<T = unknown>(page: Page, procedure: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ procedure, input }) => {
      const response = await fetch(`/trpc/${procedure}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      if (!response.ok) throw new Error(`${procedure}: ${response.status} ${await response.text()}`);
      return (await response.json()).result.data;
    },
    { procedure, input },
  );
}

/** The link to the backoffice page `page` (e.g. 'set-password') in the newest email to `to`, pointed at this server. */
export async function linkFromMail(
  server: { url: string; dataDir: string },
  to: string,
  page: string,
): Promise<string> {
  const pattern = new RegExp(`(http://\\S+#/${page}\\?token=\\S+)`);
  const link = await fromMail(server.dataDir, (mail) =>
    mail.includes(`To: ${to}`) ? pattern.exec(mail)?.[1] : undefined,
  );
  return link.replace(/^http:\/\/localhost:\d+/, server.url);
}

/**
 * A recruiter of the demo tenant of the test's own (so the demo users other
 * tests sign in as stay as they are): invited by the demo admin, with
 * `password` set from the invitation link.
 */
export async function newMember(
  browser: Browser,
  server: { url: string; dataDir: string },
  person: { email: string; name: string; password: string; role?: 'owner' | 'recruiter' },
): Promise<void> {
  const role = person.role ?? 'recruiter';
  const admin = await newTestPage(browser);
  // Only an owner may invite an owner.
  await signIn(admin, server.url, role === 'owner' ? 'owner@acme.example' : 'admin@acme.example');
  await mutateAs(admin, 'users.invite', { email: person.email, name: person.name, role });
  const invitation = await linkFromMail(server, person.email, 'set-password');
  await admin.context().clearCookies();
  await mutateAs(admin, 'auth.setPassword', {
    token: decodeURIComponent(invitation.split('token=')[1] ?? ''),
    password: person.password,
  });
  await admin.close();
}

/** A page, or a part of one (a dialog, a form) to look for a field in. */
type Scope = Page | Locator;

function pageOf(scope: Scope): Page {
  return 'goto' in scope ? scope : scope.page();
}

/**
 * Picks `option` in the select (a MUI Select) labelled `label` within
 * `scope`. The option list opens in a popover at the end of the page, so
 * it is looked for there; the helper returns once the list has closed again.
 */
export async function chooseOption(
  scope: Scope,
  label: string | RegExp,
  option: string | RegExp,
): Promise<void> {
  const page = pageOf(scope);
  await scope.getByRole('combobox', { name: label }).click();
  const listbox = page.getByRole('listbox');
  await listbox.getByRole('option', { name: option }).click();
  await listbox.waitFor({ state: 'detached' });
}

/**
 * Types `text` into the autocomplete labelled `label` within `scope` and
 * picks `option` among the suggestions it shows.
 */
export async function chooseSuggestion(
  scope: Scope,
  label: string | RegExp,
  text: string,
  option: string | RegExp,
): Promise<void> {
  const page = pageOf(scope);
  const input = scope.getByRole('combobox', { name: label });
  await input.click();
  await input.fill(text);
  await page.getByRole('listbox').getByRole('option', { name: option }).click();
}

/** The text of a quoted-printable body: soft line breaks joined, =XX escapes decoded ("?t=3D…" is "?t=…"). */
function quotedPrintableDecoded(text: string): string {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * What `find` takes from the first email in the server's mail folder it
 * finds something in (it is given each message and its file name), waiting
 * up to 20 s for the outbox to deliver it.
 */
export function fromMail(
  dataDir: string,
  find: (message: string, file: string) => string | undefined,
): Promise<string> {
  const dir = join(dataDir, 'mail');
  return vi.waitFor(
    () => {
      for (const file of existsSync(dir) ? readdirSync(dir) : []) {
        const found = find(quotedPrintableDecoded(readFileSync(join(dir, file), 'utf8')), file);
        if (found) return found;
      }
      throw new Error('the expected email did not arrive');
    },
    { timeout: 20_000, interval: 250 },
  );
}

/**
 * The decoded, unfolded text/calendar attachment of a message (base64, as
 * the outbox sends it), if it has one. fromMail has undone quoted-printable soft breaks,
 * which can join a padded last line ("…=") to the boundary after it.
 */
export function calendarPart(mail: string): string | undefined {
  const part = /Content-Type: text\/calendar[\s\S]*?\r?\n\r?\n([A-Za-z0-9+/=\r\n]+?)(?:\r?\n)?--/.exec(mail);
  // Long lines are folded (RFC 5545): unfolded here, so a property reads as one line.
  return part
    ? Buffer.from(part[1]!.replace(/\s/g, ''), 'base64')
        .toString('utf8')
        .replace(/\r?\n[ \t]/g, '')
    : undefined;
}
