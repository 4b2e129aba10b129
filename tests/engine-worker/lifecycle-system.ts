// The whole system for lifecycle tests: embedded docstore and engine (controlled clock), the demo data and the
// procedure catalogue deployed, the HTTP server with its engine client, the job workers with the outbox's
// dispatcher (on a short retry schedule), and an SMTP server that keeps every message it receives.
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { SMTPServer } from 'smtp-server';
import { startDocstore } from '../../embedded/docstore';
import { startEngine } from '../../embedded/zeebe';
import { startWorkers } from '../../engine-worker';
import type { FaultPolicy } from '../../engine-worker/infrastructure-fault';
import {
  startNotificationDispatcher,
  type DispatchSchedule,
} from '../../engine-worker/notification-dispatcher';
import { loadConfig, type Config } from '../../server/config/load-config';
import { createEngineClient, type EngineClient } from '../../server/engine/engine-client';
import { createLogger, type Logger } from '../../server/config/logger';
import { connectStore } from '../../server/models/connect-store';
import { startServer } from '../../server/main';
import { seedCatalogue } from '../../server/seed/seed-catalogue';
import { seedDemoData, type DemoLogin } from '../../server/seed/seed-demo-data';
import { advanceClock, inspectionOf, inspectJson } from '../embedded/zeebe/inspect-client';

export interface ReceivedMail {
  to: string;
  raw: string;
}

export interface LifecycleSystem {
  url: string;
  /** The embedded store's connection string and the data dir (session secret): for a second API process. */
  storeUri: string;
  dataDir: string;
  engine: EngineClient;
  config: Config;
  logger: Logger;
  logins: Record<string, DemoLogin>;
  mails: ReceivedMail[];
  /** While on, the SMTP server answers every recipient with 451 (try again later). */
  refuseMail(on: boolean): void;
  /** GET a view of the embedded engine's inspection API (jobs, instances), for what zeebe-node does not show. */
  inspect<T>(urlPath: string): Promise<T>;
  /** Moves the engine's clock forward (timers fire); the workers and the server keep real time. */
  advanceEngineClock(ms: number): Promise<void>;
  /** Closes the document store (every connection dropped), as a store that went down. */
  stopStore(): Promise<void>;
  /** Starts the store again on the same data and port, as after a restart. */
  startStore(): Promise<void>;
  close(): Promise<void>;
}

/** The outbox's schedule in these tests: retries within a second, so a test waits on them. */
export const testNotificationSchedule: Partial<DispatchSchedule> = {
  pollMs: 100,
  firstRetryMs: 200,
  maxRetryMs: 800,
  maxAttempts: 50,
};

async function startSmtp(mails: ReceivedMail[], refusing: { on: boolean }) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!refusing.on) return callback();
      callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        mails.push({ to, raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/**
 * `webAppDir`: the built web app to serve as well (browser tests). `workers: false`: no job workers; the test
 * registers its own (idempotency tests put a worker that dies mid-job in front of the real ones), while the
 * outbox's dispatcher still runs. `mailServer: false`: no SMTP_* settings at all, as a bare `npm run workers`.
 * `notificationSchedule`: changes to the outbox's short test schedule. `faultPolicy`, `userTaskLockMs`: the
 * workers' budget for infrastructure faults and the user-task bridge's lock.
 */
export async function startLifecycleSystem(
  options: {
    webAppDir?: string;
    workers?: boolean;
    mailServer?: boolean;
    notificationSchedule?: Partial<DispatchSchedule>;
    faultPolicy?: FaultPolicy;
    userTaskLockMs?: number;
  } = {},
): Promise<LifecycleSystem> {
  const {
    workers: withWorkers = true,
    mailServer = true,
    notificationSchedule,
    faultPolicy,
    userTaskLockMs,
    ...serverOptions
  } = options;
  const schedule = { ...testNotificationSchedule, ...notificationSchedule };
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-lifecycle-'));
  const mails: ReceivedMail[] = [];
  const refusing = { on: false };
  const smtp = await startSmtp(mails, refusing);
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const dbpath = path.join(dataDir, 'docstore');
  let docstore = await startDocstore({ port: 0, dbpath });
  const zeebe = await startEngine({
    port: 0,
    inspectPort: 0,
    dataDir: path.join(dataDir, 'engine'),
    clock: 'controlled',
  });
  await connectStore(docstore.uri('motcua'));
  const { logins } = await seedDemoData(dataDir);
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    RESPONSE_CHECK: 'reject',
    ...(mailServer
      ? { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtpPort), SMTP_FROM: 'motcua@hanoi.gov.vn' }
      : {}),
  });
  const logger = createLogger(config.logLevel);
  const engine = createEngineClient(zeebe.address, { secure: false });
  await seedCatalogue({ engine, logger });
  const server = await startServer({ config, logger, engine, ...serverOptions });
  const workers = withWorkers
    ? await startWorkers({
        engine,
        config,
        logger,
        publicUrl: server.url,
        notificationSchedule: schedule,
        ...(faultPolicy ? { faultPolicy } : {}),
        ...(userTaskLockMs ? { userTaskLockMs } : {}),
      })
    : undefined;
  const dispatcher =
    !withWorkers && config.smtp
      ? startNotificationDispatcher({ smtp: config.smtp, logger, schedule })
      : undefined;
  return {
    url: server.url,
    storeUri: docstore.uri('motcua'),
    dataDir,
    engine,
    config,
    logger,
    logins: Object.fromEntries(logins.map((l) => [l.username, l])),
    mails,
    refuseMail(on) {
      refusing.on = on;
    },
    inspect: (urlPath) => inspectJson(inspectionOf(zeebe), urlPath),
    advanceEngineClock: (ms) => advanceClock(inspectionOf(zeebe), ms),
    stopStore: () => docstore.close(),
    async startStore() {
      const { port, credentials } = docstore;
      docstore = await startDocstore({ port, dbpath, credentials });
    },
    async close() {
      await workers?.close();
      await dispatcher?.close();
      await server.close();
      await engine.close();
      await zeebe.close();
      await mongoose.disconnect();
      await docstore.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` returns a value (not undefined/false), or fails naming what it waited for. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined | false>, ms = 20_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
