import { SMTPServer } from 'smtp-server';
import type { Logger } from '../logging/logger.js';
import { errorFields } from '../logging/logger.js';
import { type InboundDeps, MAX_INBOUND_BYTES, receiveReply } from './receive-reply.js';

/**
 * Candor's own SMTP endpoint for replies (MX or a forwarding rule points
 * here). It accepts mail for the reply domain only (anything else is refused
 * at RCPT TO, so it is no relay), no authentication, at most
 * MAX_INBOUND_BYTES per message. A message is acknowledged once it is stored
 * or dropped (an unknown token is not worth a bounce that would tell the
 * sender which addresses exist); a failure of ours answers 451 so the
 * sending server tries again later.
 */
export async function startSmtpEndpoint(
  deps: InboundDeps,
  listen: { host: string; port: number },
): Promise<{ port: number; close(): Promise<void> }> {
  const domain = `@${deps.mailbox.domain}`;
  const server = new SMTPServer({
    banner: 'Candor replies',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_INBOUND_BYTES,
    rejectOversized: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!address.address.toLowerCase().endsWith(domain)) {
        const refused = new Error('Mailbox unavailable') as Error & { responseCode: number };
        refused.responseCode = 550;
        callback(refused);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error) => callback(error));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback();
        const recipients = session.envelope.rcptTo.map((r) => r.address);
        receiveReply(deps, Buffer.concat(chunks), 'smtp', recipients).then(
          () => callback(),
          (error: unknown) => {
            logFailure(deps.logger, error);
            const retry = new Error('Try again later') as Error & { responseCode: number };
            retry.responseCode = 451;
            callback(retry);
          },
        );
      });
    },
  });
  server.on('error', (error) => logFailure(deps.logger, error));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : listen.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function logFailure(logger: Logger, error: unknown): void {
  logger.error('inbound smtp failed', errorFields(error));
}
