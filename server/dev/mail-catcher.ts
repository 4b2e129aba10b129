// The development mail catcher: a local SMTP sink on 127.0.0.1 that keeps every message it receives in the
// store (CaughtMail) instead of delivering it, listed at /dev/mail. `npm start` starts it when SMTP_HOST is
// unset and MAIL_CATCHER is not off, so a newcomer sees the applicant e-mails; a worker process never does.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { SmtpConfig } from '../config/load-config';
import type { Logger } from '../config/logger';
import { CaughtMailModel } from '../models/CaughtMail';

const MAX_MESSAGE_BYTES = 1_000_000;

export interface MailCatcher {
  /** The settings the dispatcher sends with, as if SMTP_HOST pointed at the catcher. */
  smtp: SmtpConfig;
  close(): Promise<void>;
}

export async function startMailCatcher(logger: Logger): Promise<MailCatcher> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: MAX_MESSAGE_BYTES,
    onData(stream, session, callback) {
      const mailFrom = session.envelope.mailFrom;
      simpleParser(stream)
        .then((mail) =>
          CaughtMailModel.create({
            ...(mail.messageId ? { messageId: mail.messageId } : {}),
            from: (mailFrom && mailFrom.address) || '<>',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: (mail.subject ?? '').slice(0, 1000),
            text: (mail.text ?? '').trimEnd().slice(0, 100_000),
            receivedAt: new Date(),
          }),
        )
        .then(
          () => callback(),
          (error: unknown) => {
            logger.warn('mail catcher could not keep a message', { error: String(error) });
            callback(Object.assign(new Error('Could not store the message'), { responseCode: 451 }));
          },
        );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    smtp: { host: '127.0.0.1', port, secure: false, from: 'motcua@localhost' },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
