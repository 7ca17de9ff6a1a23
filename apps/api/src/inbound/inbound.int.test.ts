import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Attachment, HiringTeamMember, InboundEmail, Notification, TENANT_FILTER } from '@candor/db';
import { forEachDatabase, seedTenant, seedUser } from '@candor/db/testing';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { isSealedFile } from '../keys/data-keys.js';
import { deliverDueEmails } from '../mail/dispatcher.js';
import { enqueueEmail } from '../mail/outbox.js';
import { fileTransport } from '../mail/transport.js';
import { destroyErasedData, eraseSubject } from '../privacy/subject-erasure.js';
import { subjectExport } from '../privacy/subject-export.js';
import { pdfBytes } from '../testing/documents.js';
import { dovecotInstalled, startDovecot } from '../testing/dovecot.js';
import { actorOf, seedJobWithApplicant, tenantEm } from '../testing/hiring-fixtures.js';
import { callerFor, sessionFor, testDeps } from '../testing/test-app.js';
import { processDropFolder } from './drop-folder.js';
import { imapMailboxOf, pollImapMailbox } from './imap-poller.js';
import { MAX_INBOUND_BYTES, receiveReply } from './receive-reply.js';
import { replyToken } from './reply-address.js';
import { startSmtpEndpoint } from './smtp-endpoint.js';
import { inboundDepsOf } from './start-inbound.js';

const ALL = { filters: { [TENANT_FILTER]: false } } as const;
const REPLY_ADDRESS = 'reply@replies.candor.test';

/** A message as a mail client would write it (nodemailer's own MIME composer). */
async function mimeOf(message: SendMailOptions): Promise<Buffer> {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return (await composer.sendMail(message)).message as Buffer;
}

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001',
  'hex',
);

forEachDatabase('replies from candidates', (db) => {
  /** A candidate who applied, an email to them and a copy about them to a colleague, delivered. */
  const setup = async () => {
    const em = db.orm().em.fork();
    const tenant = await seedTenant(em);
    const admin = await seedUser(em, tenant, 'admin');
    const colleague = await seedUser(em, tenant, 'recruiter');
    const actor = actorOf(admin.id, tenant.id);
    const { job, candidate, applicationId } = await seedJobWithApplicant(db.orm(), actor);
    // The colleague recruits for the job: they hear of the reply.
    em.create(HiringTeamMember, { tenant, job: job.id, user: colleague, role: 'recruiter' });
    await em.flush();
    const deps = testDeps(db.orm());
    const inbound = inboundDepsOf(deps, { MAIL_REPLY_ADDRESS: REPLY_ADDRESS });
    const tem = tenantEm(db.orm(), tenant.id);
    const { email } = candidate;
    enqueueEmail(tem, {
      tenantId: tenant.id,
      to: email,
      template: 'interview_invitation',
      subject: 'Your interview',
      text: 'Can you come in on Tuesday?',
      candidateId: candidate.id,
      applicationId,
    });
    enqueueEmail(tem, {
      tenantId: tenant.id,
      to: colleague.email,
      template: 'interviewer_invitation',
      subject: 'Interview with a candidate',
      text: 'Please join',
      candidateId: candidate.id,
    });
    await tem.flush();
    const mailDir = mkdtempSync(join(tmpdir(), 'candor-outgoing-'));
    await deliverDueEmails(
      db.orm().em.fork(),
      fileTransport(mailDir),
      'Acme <no-reply@candor.test>',
      deps.logger,
      {
        mailbox: inbound.mailbox,
        hashKey: deps.hashKey,
      },
    );
    const delivered = await Promise.all(
      readdirSync(mailDir).map(async (f) => simpleParser(readFileSync(join(mailDir, f)))),
    );
    const toCandidate = delivered.find((m) => m.subject === 'Your interview')!;
    const toColleague = delivered.find((m) => m.subject === 'Interview with a candidate')!;
    const session = await sessionFor(deps, admin.id, tenant.id);
    const staff = await callerFor(deps, session);
    return {
      tenant,
      admin,
      colleague,
      candidate,
      email,
      applicationId,
      deps,
      inbound,
      toCandidate,
      toColleague,
      staff,
    };
  };

  /** The candidate's answer to `original`, with a PDF and an image. */
  const replyTo = (original: Awaited<ReturnType<typeof setup>>['toCandidate'], from: string) =>
    mimeOf({
      from: `Casey <${from}>`,
      to: original.replyTo!.text,
      subject: `Re: ${original.subject}`,
      inReplyTo: original.messageId,
      text: `Tuesday works for me.\n\nOn Mon, Acme wrote:\n> ${original.text?.trim()}\n`,
      attachments: [
        { filename: 'portfolio.pdf', content: pdfBytes('my portfolio') },
        { filename: 'signature.png', content: PNG },
      ],
    });

  it('gives the email to the candidate a reply address with a token, and the colleague’s copy none', async () => {
    const { toCandidate, toColleague } = await setup();
    const replyAddress = toCandidate.replyTo?.value[0]?.address ?? '';
    expect(replyAddress).toMatch(/^reply\+[a-z2-7]{42}@replies\.candor\.test$/);
    expect(toCandidate.messageId).toMatch(/^<[0-9a-f-]{36}@replies\.candor\.test>$/);
    expect(toColleague.replyTo).toBeUndefined();
  });

  it('attaches a reply to the candidate’s thread, text sealed, the document sniffed and sealed, the image left out', async () => {
    const { tenant, candidate, email, applicationId, deps, inbound, toCandidate, staff, colleague } =
      await setup();
    const raw = await replyTo(toCandidate, email);
    const outcome = await receiveReply(inbound, raw, 'drop-folder');
    expect(outcome).toMatchObject({ attached: true, attachments: 1, leftOut: 1 });
    // The same message a second time (a retry) is not attached twice.
    expect(await receiveReply(inbound, raw, 'smtp')).toEqual({ attached: false, reason: 'duplicate' });

    const em = db.orm().em.fork();
    const told = await em.find(Notification, { user: colleague.id }, ALL);
    expect(told.map((n) => [n.kind, n.link])).toEqual([
      ['candidate_replied', `/applications/${applicationId}/show`],
    ]);
    const [row] = await em.find(InboundEmail, { candidate: candidate.id }, ALL);
    expect(row?.text.startsWith('enc:v1.')).toBe(true);
    expect(row?.subject.startsWith('enc:v1.')).toBe(true);
    expect(row?.application?.id).toBe(applicationId);
    const [file] = await em.find(Attachment, { inboundEmail: row!.id }, ALL);
    expect(file).toMatchObject({
      filename: 'portfolio.pdf',
      contentType: 'application/pdf',
      encrypted: true,
    });
    expect(isSealedFile(await deps.files.read(file!.storageKey))).toBe(true);

    const thread = await staff.threads.ofCandidate({ candidateId: candidate.id });
    expect(thread.messages.map((m) => [m.direction, m.status, m.subject])).toEqual([
      ['sent', 'sent', 'Your interview'],
      ['received', 'received', 'Re: Your interview'],
    ]);
    // An automatic message comes from the organisation.
    expect(thread.messages[0]!.from).toBe(tenant.name);
    const reply = thread.messages[1]!;
    expect(reply.shownText).toBe('Tuesday works for me.');
    expect(reply.text).toContain('> Can you come in on Tuesday?');
    expect(reply.attachmentsLeftOut).toBe(1);
    expect(reply.attachments).toEqual([
      {
        filename: 'portfolio.pdf',
        contentType: 'application/pdf',
        downloadUrl: `/files/attachments/${file!.id}`,
      },
    ]);
    const download = await staff.attachments.download({ id: file!.id });
    expect(Buffer.from(download.contentBase64, 'base64').toString('latin1')).toContain('my portfolio');
    // Our next email to them follows their reply in their mail client's thread.
    const tem = tenantEm(db.orm(), tenant.id);
    enqueueEmail(tem, {
      tenantId: tenant.id,
      to: email,
      template: 'compose',
      subject: 'See you Tuesday',
      text: 'Great',
      candidateId: candidate.id,
    });
    await tem.flush();
    const mailDir = mkdtempSync(join(tmpdir(), 'candor-outgoing-'));
    await deliverDueEmails(
      db.orm().em.fork(),
      fileTransport(mailDir),
      'Acme <no-reply@candor.test>',
      deps.logger,
      {
        mailbox: inbound.mailbox,
        hashKey: deps.hashKey,
      },
    );
    const next = await simpleParser(readFileSync(join(mailDir, readdirSync(mailDir)[0]!)));
    expect(next.inReplyTo).toBe((await simpleParser(raw)).messageId);
    // The application page shows it too; the colleague's copy is in neither.
    const ofApp = await staff.threads.ofApplication({ applicationId });
    expect(ofApp.messages.map((m) => m.subject)).toEqual([
      'Your interview',
      'Re: Your interview',
      'See you Tuesday',
    ]);
  });

  it('drops forged and unknown tokens, mail to another address, erased candidates and oversized mail, logging no one', async () => {
    const { candidate, email, deps, inbound, toCandidate, tenant } = await setup();
    const real = toCandidate.replyTo!.value[0]!.address!;
    const token = real.slice('reply+'.length, real.indexOf('@'));
    const forged = `reply+${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}@replies.candor.test`;
    const unknown = `reply+${replyToken(deps.hashKey, '00000000-0000-4000-8000-000000000000')}@replies.candor.test`;
    const otherKey = `reply+${replyToken(Buffer.alloc(32, 7), toCandidate.messageId!.slice(1, 37))}@replies.candor.test`;
    for (const to of [forged, unknown, otherKey, 'someone@replies.candor.test']) {
      const outcome = await receiveReply(
        inbound,
        await mimeOf({ from: email, to, subject: 'Hi', text: 'Hi' }),
        'smtp',
      );
      expect(outcome.attached, to).toBe(false);
    }
    const huge = Buffer.alloc(MAX_INBOUND_BYTES + 1, 'a');
    expect(await receiveReply(inbound, huge, 'smtp')).toEqual({ attached: false, reason: 'too_large' });
    expect(await db.orm().em.fork().count(InboundEmail, { candidate: candidate.id }, ALL)).toBe(0);

    const em = tenantEm(db.orm(), tenant.id);
    await destroyErasedData(deps, await em.fork().transactional((tx) => eraseSubject(tx, candidate.id)));
    const afterErasure = await receiveReply(inbound, await replyTo(toCandidate, email), 'smtp');
    // Erasure took our email with it: the token names nothing any more.
    expect(afterErasure).toEqual({ attached: false, reason: 'unknown_message' });
    const logs = deps.logLines.join('\n');
    expect(logs).toContain('inbound mail dropped');
    expect(logs).not.toContain(email);
    expect(logs).not.toContain('Tuesday');
  });

  it('is erased with the candidate and exported to them, without staff data', async () => {
    const { tenant, candidate, email, deps, inbound, toCandidate, admin } = await setup();
    await receiveReply(inbound, await replyTo(toCandidate, email), 'imap');
    const em = tenantEm(db.orm(), tenant.id);
    const data = await subjectExport(em, candidate.id, deps);
    const replies = data.records.InboundEmail ?? [];
    expect(replies).toHaveLength(1);
    expect(replies[0]?.values.text).toContain('Tuesday works for me.');
    expect(replies[0]?.values.subject).toBe('Re: Your interview');
    const text = JSON.stringify(data);
    expect(text).not.toContain('enc:v1.');
    expect(text).not.toContain(admin.email);
    expect(data.records.OutboxEmail?.every((m) => m.values.to === email)).toBe(true);

    const summary = await em.fork().transactional((tx) => eraseSubject(tx, candidate.id));
    await destroyErasedData(deps, summary);
    expect(summary.entities.InboundEmail?.deleted).toBe(1);
    expect(await db.orm().em.fork().count(InboundEmail, { candidate: candidate.id }, ALL)).toBe(0);
    expect(await db.orm().em.fork().count(Attachment, { candidate: candidate.id }, ALL)).toBe(0);
  });

  it('reads replies dropped into the drop folder, and moves aside what it cannot attach', async () => {
    const { candidate, email, inbound, toCandidate } = await setup();
    const dir = mkdtempSync(join(tmpdir(), 'candor-drop-'));
    writeFileSync(join(dir, 'reply.eml'), await replyTo(toCandidate, email));
    writeFileSync(join(dir, 'stray.eml'), await mimeOf({ from: email, to: 'x@example.test', text: 'Hi' }));
    writeFileSync(join(dir, 'notes.txt'), 'not mail');
    // Files younger than a moment may still be being written: make these old enough.
    const past = new Date(Date.now() - 60_000);
    const { utimesSync } = await import('node:fs');
    for (const f of ['reply.eml', 'stray.eml']) utimesSync(join(dir, f), past, past);

    expect(await processDropFolder(inbound, dir)).toEqual({ attached: 1, dropped: 1 });
    expect(existsSync(join(dir, 'reply.eml'))).toBe(false);
    expect(existsSync(join(dir, 'rejected', 'stray.eml'))).toBe(true);
    expect(existsSync(join(dir, 'notes.txt'))).toBe(true);
    expect(await db.orm().em.fork().count(InboundEmail, { candidate: candidate.id }, ALL)).toBe(1);
  });

  it('receives replies over SMTP on its endpoint, for the reply domain only', async () => {
    const { candidate, email, inbound, toCandidate } = await setup();
    const endpoint = await startSmtpEndpoint(inbound, { host: '127.0.0.1', port: 0 });
    try {
      const smtp = nodemailer.createTransport({
        host: '127.0.0.1',
        port: endpoint.port,
        secure: false,
        ignoreTLS: true,
      });
      const raw = await replyTo(toCandidate, email);
      await smtp.sendMail({ envelope: { from: email, to: [toCandidate.replyTo!.value[0]!.address!] }, raw });
      await expect(
        smtp.sendMail({ envelope: { from: email, to: ['someone@elsewhere.test'] }, raw }),
      ).rejects.toThrow(/550/);
      expect(await db.orm().em.fork().count(InboundEmail, { candidate: candidate.id }, ALL)).toBe(1);
    } finally {
      await endpoint.close();
    }
  });

  describe.skipIf(!dovecotInstalled())('IMAP', () => {
    it('polls a real Dovecot mailbox, attaches the unseen replies once and moves them to the done folder', async () => {
      const { candidate, email, inbound, toCandidate } = await setup();
      const dovecot = await startDovecot({ replies: 'mailbox-secret' });
      try {
        const client = new ImapFlow({
          host: dovecot.host,
          port: dovecot.port,
          secure: false,
          auth: { user: 'replies', pass: 'mailbox-secret' },
          logger: false,
        });
        await client.connect();
        await client.append('INBOX', await replyTo(toCandidate, email));
        await client.append('INBOX', await mimeOf({ from: email, to: 'x@example.test', text: 'Not for us' }));
        const box = imapMailboxOf(
          `imap://replies:mailbox-secret@${dovecot.host}:${dovecot.port}/INBOX`,
          'Processed',
        );
        expect(await pollImapMailbox(inbound, box)).toEqual({ processed: 2, failed: 0 });
        expect(await pollImapMailbox(inbound, box)).toEqual({ processed: 0, failed: 0 });
        expect(await db.orm().em.fork().count(InboundEmail, { candidate: candidate.id }, ALL)).toBe(1);
        const counts = await Promise.all(
          ['INBOX', 'Processed'].map(async (name) => (await client.status(name, { messages: true })) || null),
        );
        expect(counts.map((c) => c?.messages)).toEqual([0, 2]);
        await client.logout();

        // Without a done folder, a processed message stays, marked as seen.
        const seenOnly = imapMailboxOf(`imap://replies:mailbox-secret@${dovecot.host}:${dovecot.port}`);
        expect(seenOnly.mailbox).toBe('INBOX');
      } finally {
        await dovecot.stop();
      }
    });
  });
});
