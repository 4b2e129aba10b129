// `npm run chaos`: the fault test. Store (docstore CLI), engine (engine CLI, inspection on), API (`npm start`'s
// start command with WORKERS=off) and a job-worker process (`npm run workers`) each run as a child process;
// the counter officer files CHAOS_DOSSIERS dossiers at CHAOS_RATE per second with idempotency keys while the
// officers work their inboxes (refusing 1 in 10 at review), and each component is SIGKILLed CHAOS_KILLS times at
// seeded random moments and restarted on the same port and data dir. Once the system has settled it prints
// what was acknowledged, kept, lost, doubled or stuck, and exits 1 if any of the bad counts is not zero.
// Settings: CHAOS_DOSSIERS (600), CHAOS_RATE (2 per second), CHAOS_KILLS (3 per component), CHAOS_SEED (random),
// CHAOS_SETTLE_S (60), CHAOS_KEEP=1 keeps the run's data and logs.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { connectionString, credentialsFile } from '../embedded/docstore';
import { startMailCatcher } from '../server/dev/mail-catcher';
import { createLogger } from '../server/config/logger';
import { DossierModel } from '../server/models/Dossier';
import { UserModel } from '../server/models/User';
import { fileDossiers, type Filing } from './chaos/clerk';
import { Component } from './chaos/component';
import { startOfficers } from './chaos/officers';
import { seededRandom, type Random } from './chaos/seeded-random';
import { SignedIn } from './chaos/signed-in';
import { finalStatuses, printTable, tally } from './chaos/tally';

function setting(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) {
    console.error(`${name} must be a number ≥ ${min} (got "${raw}")`);
    process.exit(2);
  }
  return value;
}

const dossierCount = Math.floor(setting('CHAOS_DOSSIERS', 600, 1));
const rate = setting('CHAOS_RATE', 2, 0.01);
const killsPerComponent = Math.floor(setting('CHAOS_KILLS', 3, 0));
const seed = Math.floor(setting('CHAOS_SEED', randomBytes(4).readUInt32BE() % 1_000_000, 0));
const settleS = setting('CHAOS_SETTLE_S', 60, 5);
const REFUSE_ONE_IN = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const started = Date.now();
const elapsed = () => `t+${((Date.now() - started) / 1000).toFixed(1)}s`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Kill {
  atMs: number;
  component: Component;
  downMs: number;
}

/** CHAOS_KILLS moments per component, uniform over the filing window, in time order, each with a down time. */
function killPlan(components: Component[], windowMs: number, random: Random): Kill[] {
  const plan: Kill[] = [];
  for (const component of components)
    for (let i = 0; i < killsPerComponent; i++)
      plan.push({ atMs: windowMs * (0.05 + 0.9 * random()), component, downMs: 500 + random() * 2500 });
  return plan.sort((a, b) => a.atMs - b.atMs);
}

/** One kill at a time: a component is back and ready before the next is killed (the plan's times are the earliest). */
async function runKills(plan: Kill[], from: number): Promise<void> {
  for (const kill of plan) {
    await sleep(Math.max(0, from + kill.atMs - Date.now()));
    const at = elapsed();
    await kill.component.kill();
    await sleep(kill.downMs);
    const restartedAt = Date.now();
    await kill.component.startUntilReady();
    console.log(
      `  ${at.padEnd(9)} kill -9 ${kill.component.spec.name.padEnd(7)} down ${(kill.downMs / 1000).toFixed(1)} s, ` +
        `ready again after ${((Date.now() - restartedAt) / 1000).toFixed(1)} s`,
    );
  }
}

/** Waits until every acknowledged dossier is done, or nothing has moved for CHAOS_SETTLE_S. */
async function settle(filings: Filing[], clerkUserId: string): Promise<void> {
  const keys = filings.map((f) => `${clerkUserId}:${f.idempotencyKey}`);
  let last = '';
  let lastChange = Date.now();
  for (;;) {
    const dossiers = await DossierModel.find({ idempotencyKey: { $in: keys } }, { status: 1, timeline: 1 })
      .lean()
      .catch(() => undefined);
    if (dossiers) {
      const done = dossiers.filter((d) => finalStatuses.includes(d.status)).length;
      const events = dossiers.reduce((n, d) => n + d.timeline.length, 0);
      const state = `${dossiers.length}/${done}/${events}`;
      if (state !== last) {
        last = state;
        lastChange = Date.now();
      }
      const acknowledged = filings.filter((f) => f.acknowledged).length;
      if (done >= acknowledged && dossiers.length >= acknowledged) {
        console.log(`  ${elapsed()} settled: all ${done} dossiers done`);
        return;
      }
      if (Date.now() - lastChange > settleS * 1000) {
        console.log(
          `  ${elapsed()} settled: ${done} of ${acknowledged} done, nothing moved for ${settleS} s`,
        );
        return;
      }
    }
    await sleep(2000);
  }
}

async function main(): Promise<void> {
  const random = seededRandom(seed);
  const runDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-chaos-'));
  const dataDir = path.join(runDir, 'data');
  const logDir = path.join(runDir, 'logs');
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await mkdir(logDir, { recursive: true });
  const [storePort, enginePort, inspectPort, apiPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const inspectToken = randomBytes(24).toString('base64url');
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  console.log(
    `chaos — seed ${seed} (CHAOS_SEED=${seed} repeats the plan), ${dossierCount} dossiers at ${rate}/s, ` +
      `${killsPerComponent} kills per component, settle ${settleS} s; logs in ${logDir}`,
  );

  const store = new Component(
    {
      name: 'store',
      entry: 'embedded/docstore/cli.ts',
      args: ['--port', String(storePort), '--dbpath', path.join(dataDir, 'docstore')],
      env: {},
      ready: /docstore listening on/,
    },
    logDir,
    elapsed,
  );
  const engine = new Component(
    {
      name: 'engine',
      entry: 'embedded/zeebe/cli.ts',
      args: [
        '--port',
        String(enginePort),
        '--data-dir',
        path.join(dataDir, 'zeebe'),
        '--inspect-port',
        String(inspectPort),
      ],
      env: { ZEEBE_INSPECT_TOKEN: inspectToken },
      ready: /Zeebe engine: gRPC/,
    },
    logDir,
    elapsed,
  );
  const components: Component[] = [store, engine];
  let catcher: { close(): Promise<void> } | undefined;
  try {
    await store.start();
    await engine.start();
    const credentials = await credentialsFile(path.join(dataDir, 'docstore', 'credentials.json'));
    const storeUri = connectionString(`127.0.0.1:${storePort}`, 'motcua', credentials);
    await mongoose.connect(storeUri, { serverSelectionTimeoutMS: 60_000 });
    // The e-mails' destination stays up through the run (it is the outside world): the catcher of `npm start`,
    // here in the script, keeping what it receives in the store's caughtmails.
    const mail = await startMailCatcher(createLogger('error'));
    catcher = mail;
    const common = {
      MONGODB_URI: storeUri,
      ZEEBE_ADDRESS: `127.0.0.1:${enginePort}`,
      DATA_DIR: dataDir,
      PUBLIC_URL: apiUrl,
    };
    const api = new Component(
      {
        name: 'api',
        entry: 'scripts/start.ts',
        env: { ...common, PORT: String(apiPort), WORKERS: 'off', MAIL_CATCHER: 'off', LOG_LEVEL: 'warn' },
        ready: /Stop with Ctrl\+C\./,
        readyTimeoutMs: 300_000,
      },
      logDir,
      elapsed,
    );
    const workers = new Component(
      {
        name: 'workers',
        entry: 'engine-worker/main.ts',
        env: {
          ...common,
          SMTP_HOST: mail.smtp.host,
          SMTP_PORT: String(mail.smtp.port),
          SMTP_FROM: mail.smtp.from,
          LOG_LEVEL: 'info',
        },
        ready: /job workers started/,
      },
      logDir,
      elapsed,
    );
    components.push(api, workers);
    console.log(
      `  ${elapsed()} starting the API (the first start builds the web app) and the worker process`,
    );
    await api.start();
    await workers.start();

    const logins = JSON.parse(readFileSync(path.join(dataDir, 'demo-logins.json'), 'utf8')) as Record<
      string,
      string
    >;
    const signIn = (username: string) => new SignedIn(username, logins[username]!, apiUrl);
    const clerk = signIn('tiepnhan.hoankiem');
    const clerkUser = await UserModel.findOne({ username: 'tiepnhan.hoankiem' }, { _id: 1 }).lean();
    const clerkUserId = clerkUser!._id.toHexString();

    const refusedByCode = new Map<string, boolean>();
    const officers = startOfficers(
      [signIn('chuyenvien.hoankiem'), signIn('lanhdao.hoankiem'), clerk],
      (code) => refusedByCode.get(code),
    );
    const windowMs = (dossierCount / rate) * 1000;
    const plan = killPlan(components, windowMs, random);
    console.log(`  ${elapsed()} filing for about ${(windowMs / 1000).toFixed(0)} s; kills:`);
    const from = Date.now();
    const [filings] = await Promise.all([
      fileDossiers({
        clerk,
        count: dossierCount,
        rate,
        refuseOneIn: REFUSE_ONE_IN,
        seed,
        random,
        retryForMs: 5 * 60_000,
        onFiled: (f) => f.acknowledged && refusedByCode.set(f.acknowledged.code, f.refuse),
      }),
      runKills(plan, from),
    ]);
    console.log(`  ${elapsed()} filings over; settling`);
    await settle(filings, clerkUserId);
    await officers.stop();

    const rows = await tally({
      filings,
      clerkUserId,
      inspection: { url: `http://127.0.0.1:${inspectPort}`, token: inspectToken },
      settleS,
    });
    const unacknowledged = filings.filter((f) => !f.acknowledged);
    console.log('');
    console.log(
      `seed ${seed}: ${filings.length} filings, ${filings.filter((f) => f.refuse).length} marked for refusal`,
    );
    if (unacknowledged.length) {
      console.log(
        `  ${unacknowledged.length} never acknowledged (last answers: ` +
          `${unacknowledged
            .slice(0, 5)
            .map((f) => `${f.idempotencyKey} ${f.failures.at(-1)}`)
            .join(', ')})`,
      );
    }
    for (const component of components)
      if (component.selfExits.length)
        console.log(
          `  ${component.spec.name} exited by itself (restarted): ${component.selfExits.join(', ')}`,
        );
    printTable(rows);
    const failed = rows.filter((r) => r.bad && r.count > 0).map((r) => r.name);
    console.log(failed.length ? `FAILED: ${failed.join(', ')}` : 'PASSED: nothing lost, doubled or stuck');
    process.exitCode = failed.length ? 1 : 0;
  } finally {
    for (const component of [...components].reverse()) await component.stop().catch(() => undefined);
    await catcher?.close().catch(() => undefined);
    await mongoose.disconnect().catch(() => undefined);
    if (process.env.CHAOS_KEEP) console.log(`run kept in ${runDir}`);
    else await rm(runDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error('chaos: the run failed:', error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(2);
  },
);
