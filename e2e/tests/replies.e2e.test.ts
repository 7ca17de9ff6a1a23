/**
 * A candidate's reply comes back into Candor, in a real browser against the
 * built server with the demo seed: a recruiter emails a candidate, the
 * candidate answers the delivered message (its Reply-To carries the token)
 * with a PDF, the answer is dropped into the server's drop folder as an .eml
 * (how `pnpm start` receives replies without a mail server), and it shows in
 * the conversation on the candidate's and the application's pages. Replies
 * also come in over SMTP (Candor's endpoint) and from an IMAP mailbox (a real
 * Dovecot the test setup starts) and land in the same conversation.
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  axeViolations,
  fromMail,
  launchBrowser,
  mutateAs,
  panelsLoaded,
  queryAs,
  screenshot,
  servers,
  signedInPage,
} from '../support/browser.js';
import { newApplicant } from '../support/careers.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A header's value in a raw message (first occurrence, unfolded). */
function header(message: string, name: string): string {
  const match = new RegExp(`^${name}: ?(.*(?:\\n[ \\t].*)*)`, 'mi').exec(message);
  if (!match?.[1]) throw new Error(`no ${name} header`);
  return match[1].replace(/\n[ \t]+/g, ' ').trim();
}

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/** The candidate's answer as their mail client would send it: text, a quote of ours, a PDF. */
function replyEml(from: string, to: string, inReplyTo: string, subject: string): string {
  const boundary = 'candor-e2e-boundary';
  return [
    `From: ${from}`,
    `To: ${to}`,
    `Subject: Re: ${subject}`,
    `Message-ID: <reply-${Date.now()}@mail.example.test>`,
    `In-Reply-To: ${inReplyTo}`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Thank you! Thursday at 10:00 suits me well. My portfolio is attached.',
    '',
    'On Monday, Acme wrote:',
    '> Could we have a short call this week?',
    '',
    `--${boundary}`,
    'Content-Type: application/pdf; name="portfolio.pdf"',
    'Content-Disposition: attachment; filename="portfolio.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    PDF.toString('base64'),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

for (const server of servers()) {
  describe(`replies from candidates [${server.dialect}]`, () => {
    it('a reply dropped into the drop folder appears in the conversation on the candidate and application pages', async () => {
      const tag = `${server.dialect}${Date.now()}`;
      const page = await signedInPage(browser, server.url, 'recruiter@acme.example');
      const applicant = await newApplicant(page, `Noor Reply${tag}`, `noor.${tag}`);
      const { email, applicationId } = applicant;
      const made = { id: applicant.candidateId };
      const subject = `A short call ${tag}`;
      await mutateAs(page, 'messages.compose', {
        candidateId: made.id,
        applicationId,
        subject,
        body: 'Hi Noor,\n\nCould we have a short call this week?',
      });

      // The delivered email names where to answer: the reply address with its token.
      const sent = await fromMail(server.dataDir, (message) =>
        message.includes(`To: ${email}`) && message.includes(subject) ? message : undefined,
      );
      const replyTo = header(sent, 'Reply-To');
      expect(replyTo).toMatch(/^reply\+[a-z2-7]{42}@candor\.localhost$/);
      const messageId = header(sent, 'Message-ID');

      const dropped = join(server.dataDir, 'inbound', `reply-${tag}.eml`);
      writeFileSync(`${dropped}.tmp`, replyEml(`Noor <${email}>`, replyTo, messageId, subject));
      renameSync(`${dropped}.tmp`, dropped);
      // Read and attached: the drop folder removes what it attached.
      await vi.waitFor(
        () => {
          if (existsSync(dropped)) throw new Error('not read yet');
        },
        { timeout: 20_000, interval: 250 },
      );
      expect(existsSync(join(server.dataDir, 'inbound', 'rejected', `reply-${tag}.eml`))).toBe(false);

      await page.goto(`${server.url}/admin/#/candidates/${made.id}/show`);
      const conversation = page.getByRole('region', { name: 'Conversation' });
      const reply = conversation.getByRole('article', { name: `Re: ${subject}` });
      await reply.getByText('Thursday at 10:00 suits me well').waitFor();
      // The quoted part of our message is folded away, and there on request.
      expect(await reply.getByText('> Could we have a short call').count()).toBe(0);
      await reply.getByRole('button', { name: 'Show quoted text' }).click();
      await reply.getByText('> Could we have a short call this week?').waitFor();
      await reply.getByRole('link', { name: 'Download portfolio.pdf' }).waitFor();
      const ours = conversation.getByRole('article', { name: subject });
      await ours.getByText('Sent', { exact: true }).waitFor();
      // Written by the recruiter: it names them, and the organisation.
      await ours.getByText(`(Acme Robotics) to ${email}`, { exact: false }).waitFor();
      // Ours first, then their answer.
      const titles = await conversation
        .getByRole('article')
        .evaluateAll((articles) => articles.map((a) => a.querySelector('h3')?.textContent));
      expect(titles).toEqual([subject, `Re: ${subject}`]);
      // The document is downloadable through the file download, like any file of theirs.
      const download = await page.evaluate(
        async (href) => {
          const res = await fetch(href);
          return { status: res.status, type: res.headers.get('Content-Type') };
        },
        (await reply.getByRole('link', { name: 'Download portfolio.pdf' }).getAttribute('href'))!,
      );
      expect(download).toEqual({ status: 200, type: 'application/pdf' });
      await panelsLoaded(page);
      await conversation.scrollIntoViewIfNeeded();
      await screenshot(page, `replies-thread-${server.dialect}`);
      expect(await axeViolations(page)).toEqual([]);

      await page.goto(`${server.url}/admin/#/applications/${applicationId}/show`);
      await page
        .getByRole('region', { name: 'Conversation' })
        .getByText('Thursday at 10:00 suits me well')
        .waitFor();
      await page.context().close();
    });

    it('replies that come in over SMTP and through the IMAP mailbox appear in the conversation', async () => {
      const tag = `${server.dialect}${Date.now()}`;
      const page = await signedInPage(browser, server.url, 'recruiter@acme.example');
      const { candidateId, applicationId, email } = await newApplicant(
        page,
        `Ola Mailbox${tag}`,
        `ola.${tag}`,
      );
      /** Sends the candidate a message and returns what a reply to it needs. */
      const writeToCandidate = async (subject: string) => {
        await mutateAs(page, 'messages.compose', { candidateId, applicationId, subject, body: 'Hi Ola' });
        const sent = await fromMail(server.dataDir, (message) =>
          message.includes(`To: ${email}`) && message.includes(subject) ? message : undefined,
        );
        return { replyTo: header(sent, 'Reply-To'), messageId: header(sent, 'Message-ID') };
      };

      // Over SMTP, as a mail exchanger forwarding to Candor's endpoint would hand it over.
      const bySmtp = `By SMTP ${tag}`;
      const first = await writeToCandidate(bySmtp);
      await nodemailer
        .createTransport({ host: '127.0.0.1', port: server.smtpPort, secure: false, ignoreTLS: true })
        .sendMail({
          envelope: { from: email, to: [first.replyTo] },
          raw: replyEml(`Ola <${email}>`, first.replyTo, first.messageId, bySmtp),
        });

      // Into the mailbox Candor polls over IMAP (a real Dovecot), as the company's mail server would deliver it.
      const byImap = `By IMAP ${tag}`;
      const mailbox = server.mailbox;
      if (mailbox) {
        const second = await writeToCandidate(byImap);
        const client = new ImapFlow({
          host: mailbox.host,
          port: mailbox.port,
          secure: false,
          auth: { user: mailbox.user, pass: mailbox.password },
          logger: false,
        });
        await client.connect();
        await client.append('INBOX', replyEml(`Ola <${email}>`, second.replyTo, second.messageId, byImap));
        await client.logout();
      }

      // The SMTP endpoint stores a reply before it answers; the mailbox is read on Candor's next poll.
      // The page shows the conversation as it is when opened, so wait for both to be in it first.
      const expected = mailbox ? [`Re: ${bySmtp}`, `Re: ${byImap}`] : [`Re: ${bySmtp}`];
      await vi.waitFor(
        async () => {
          const thread = await queryAs<{ messages: Array<{ direction: string; subject: string }> }>(
            page,
            'threads.ofApplication',
            { applicationId },
          );
          const received = thread.messages.filter((m) => m.direction === 'received').map((m) => m.subject);
          expect(received.sort()).toEqual(expected.sort());
        },
        { timeout: 30_000, interval: 500 },
      );

      await page.goto(`${server.url}/admin/#/applications/${applicationId}/show`);
      const conversation = page.getByRole('region', { name: 'Conversation' });
      await conversation
        .getByRole('article', { name: `Re: ${bySmtp}` })
        .getByText('Thursday at 10:00')
        .waitFor();
      if (mailbox) {
        await conversation
          .getByRole('article', { name: `Re: ${byImap}` })
          .getByText('Thursday at 10:00')
          .waitFor();
      }
      await page.context().close();
    });
  });
}
