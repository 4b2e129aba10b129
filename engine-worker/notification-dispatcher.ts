// Sends the outbox's due e-mails over SMTP, beside the job workers of every worker process. Processes compete:
// each claims one row at a time by moving its next attempt a lease ahead in one atomic update, so two never
// send a row at once and a process that dies mid-send leaves it to another. A refused send is tried again
// with exponential back-off; after the last attempt the row is `failed` and stays for an officer to see. A
// crash between sending and marking sends again with the same Message-ID, which the receiving system drops.
import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../server/config/load-config';
import { changeDossier } from '../server/domain/dossier-events';
import type { Logger } from '../server/config/logger';
import { NotificationModel, type Notification } from '../server/models/Notification';
import { systemActor } from './dossier-job';

export interface DispatchSchedule {
  /** How often a process looks for due rows when nothing woke it. */
  pollMs: number;
  /** Wait after the first failed attempt; doubled after each further one, up to `maxRetryMs`. */
  firstRetryMs: number;
  maxRetryMs: number;
  /** Attempts before the row is `failed`. */
  maxAttempts: number;
  /** How long a claimed row is held by the process sending it (longer than the SMTP timeouts). */
  leaseMs: number;
}

/** 30 s doubling to 1 h: twelve attempts over about five hours. */
export const defaultDispatchSchedule: DispatchSchedule = {
  pollMs: 5_000,
  firstRetryMs: 30_000,
  maxRetryMs: 3_600_000,
  maxAttempts: 12,
  leaseMs: 300_000,
};

/** The wait after `attempts` failed attempts. */
export function retryDelayMs(attempts: number, schedule: DispatchSchedule): number {
  return Math.min(schedule.firstRetryMs * 2 ** Math.max(0, attempts - 1), schedule.maxRetryMs);
}

export function messageIdOf(key: string): string {
  return `<${key.replace(/[^\w.-]/g, '.')}@motcua>`;
}

export interface NotificationDispatcher {
  /** Looks for due rows now (a job of this process just queued one). */
  wake(): void;
  close(): Promise<void>;
}

export function startNotificationDispatcher(options: {
  smtp: SmtpConfig;
  logger: Logger;
  schedule?: Partial<DispatchSchedule>;
}): NotificationDispatcher {
  const { smtp, logger } = options;
  const schedule = { ...defaultDispatchSchedule, ...options.schedule };
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
  });

  async function claim(): Promise<Notification | null> {
    const now = Date.now();
    return NotificationModel.findOneAndUpdate(
      { state: 'pending', nextAttemptAt: { $lte: new Date(now) } },
      { $set: { nextAttemptAt: new Date(now + schedule.leaseMs) }, $inc: { attempts: 1 } },
      { sort: { nextAttemptAt: 1 }, returnDocument: 'after', lean: true },
    );
  }

  async function record(
    row: Notification,
    action: 'notification.sent' | 'notification.failed',
    note: string,
  ) {
    await changeDossier(row.dossier, {
      event: {
        actor: systemActor,
        action,
        key: `${row.key}:${action === 'notification.sent' ? 'sent' : 'failed'}`,
        ...(row.elementId ? { elementId: row.elementId } : {}),
        note: note.slice(0, 2000),
      },
    }).catch((error: unknown) =>
      logger.warn('notification not recorded on the timeline', { key: row.key, error: String(error) }),
    );
  }

  async function deliver(row: Notification): Promise<void> {
    try {
      await transport.sendMail({
        from: smtp.from,
        to: row.to,
        subject: row.subject,
        text: row.text,
        messageId: messageIdOf(row.key),
      });
    } catch (error) {
      const lastError = String(error).slice(0, 2000);
      const giveUp = row.attempts >= schedule.maxAttempts;
      // Only while the row is still ours: a lease that ran out may have passed it to another process.
      await NotificationModel.updateOne(
        { _id: row._id, state: 'pending', attempts: row.attempts },
        giveUp
          ? { $set: { state: 'failed', lastError }, $unset: { nextAttemptAt: '' } }
          : {
              $set: { lastError, nextAttemptAt: new Date(Date.now() + retryDelayMs(row.attempts, schedule)) },
            },
      );
      logger.warn(giveUp ? 'e-mail failed for good' : 'e-mail not sent, will retry', {
        key: row.key,
        dossierCode: row.dossierCode,
        attempts: row.attempts,
        error: lastError,
      });
      if (giveUp) await record(row, 'notification.failed', `${row.subject} — ${lastError}`);
      return;
    }
    await NotificationModel.updateOne(
      { _id: row._id },
      { $set: { state: 'sent', sentAt: new Date() }, $unset: { nextAttemptAt: '', lastError: '' } },
    );
    await record(row, 'notification.sent', row.subject);
  }

  let closed = false;
  let draining: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  async function drainDue(): Promise<void> {
    do {
      again = false;
      for (let row = await claim(); row && !closed; row = await claim()) await deliver(row);
    } while (again && !closed);
  }

  function drain(): void {
    if (closed) return;
    if (draining) {
      again = true;
      return;
    }
    clearTimeout(timer);
    draining = drainDue()
      .catch((error: unknown) => logger.warn('notification outbox not drained', { error: String(error) }))
      .finally(() => {
        draining = undefined;
        if (!closed) {
          timer = setTimeout(drain, schedule.pollMs);
          timer.unref();
        }
      });
  }

  drain();
  return {
    wake: drain,
    async close() {
      closed = true;
      clearTimeout(timer);
      await draining;
      transport.close();
    },
  };
}
