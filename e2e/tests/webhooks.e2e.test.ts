/**
 * Webhooks end to end: an admin adds a webhook pointing at a real HTTP
 * receiver this test starts on 127.0.0.1 (the test servers allow private
 * hosts), copies the secret shown once, an applicant applies on the careers
 * site, the server's delivery timer sends the signed event, the delivery log
 * shows it, and Redeliver sends it again with the same delivery id.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  launchBrowser,
  newTestPage,
  screenshot,
  servers,
  signedInPage,
} from '../support/browser.js';
import { applyToDemoJob } from '../support/careers.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

const received: Received[] = [];
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    res.end('ok');
  });
});
let receiverUrl = '';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => receiver.close(resolve));
});

/** Waits (without a fixed sleep) until the receiver has a request matching `match`. */
async function receivedWhere(match: (r: Received) => boolean, timeoutMs = 30_000): Promise<Received[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = received.filter(match);
    if (found.length > 0) return found;
    if (Date.now() > deadline) throw new Error('the receiver got no such request');
    await new Promise((r) => setTimeout(r, 100));
  }
}

function signatureValid(secret: string, r: Received): boolean {
  const header = String(r.headers['candor-signature'] ?? '');
  const t = /t=(\d+)/.exec(header)?.[1];
  const v1 = /v1=([0-9a-f]{64})/.exec(header)?.[1];
  return Boolean(t && v1) && createHmac('sha256', secret).update(`${t}.${r.body}`).digest('hex') === v1;
}

for (const server of servers()) {
  describe(`webhooks [${server.dialect}]`, () => {
    it('adds a webhook, delivers a signed event, shows it in the log and redelivers it', async () => {
      const path = `/hooks/${server.dialect}`;
      const name = `Ada Webhook ${server.dialect}`;
      const email = `ada-webhook-${server.dialect}-${Date.now()}@example.test`;
      const admin = await signedInPage(browser, server.url, 'admin@acme.example');
      await admin.getByRole('menuitem', { name: 'Settings' }).click();
      await admin.getByRole('link', { name: 'Webhooks' }).click();
      await admin.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
      await admin.getByText('No webhooks yet').waitFor();

      await admin.getByRole('button', { name: 'Add webhook' }).click();
      const dialog = admin.getByRole('dialog', { name: 'Add a webhook' });
      await dialog.getByRole('textbox', { name: 'Name' }).fill(`HR system ${server.dialect}`);
      await dialog.getByRole('textbox', { name: 'Payload URL' }).fill(`${receiverUrl}${path}`);
      await dialog.getByRole('checkbox', { name: /^application\.created/ }).check();
      await dialog.getByRole('checkbox', { name: 'Read candidates' }).check();
      await dialog.getByRole('button', { name: 'Add webhook' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const secret = await admin.getByRole('textbox', { name: 'Signing secret' }).inputValue();
      expect(secret).toMatch(/^whsec_/);
      await admin.getByRole('article', { name: `HR system ${server.dialect}` }).waitFor();
      expect(await axeViolations(admin)).toEqual([]);

      // An applicant applies; the server's delivery timer sends the event.
      const applicant = await newTestPage(browser);
      await applyToDemoJob(applicant, server, { name, email });
      await applicant.context().close();
      const [event] = await receivedWhere(
        (r) => r.headers['candor-event'] === 'application.created' && r.body.includes(email),
      );
      expect(signatureValid(secret, event!)).toBe(true);
      const deliveryId = String(event!.headers['candor-delivery']);
      expect(JSON.parse(event!.body).data.candidate).toMatchObject({ name, email });

      // The log shows it delivered (it refreshes itself; a reload makes it immediate).
      await admin.reload();
      const log = admin.getByRole('table', { name: 'Webhook deliveries' });
      const row = log.locator(`tr[data-delivery="${deliveryId}"]`);
      await row.getByText('delivered').waitFor();
      await row.getByRole('cell', { name: 'HTTP 200' }).waitFor();
      await screenshot(admin, `webhooks-${server.dialect}`);

      await row.getByRole('button', { name: /^Redeliver application\.created/ }).click();
      await admin.getByText('Delivered again').waitFor();
      const again = await receivedWhere((r) => r.headers['candor-delivery'] === deliveryId && r !== event);
      expect(signatureValid(secret, again[0]!)).toBe(true);
      expect(again[0]!.body).toBe(event!.body);
      await admin.context().close();
    }, 180_000);
  });
}
