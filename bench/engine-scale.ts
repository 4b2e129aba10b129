// `npm run bench:engine-scale`: the embedded engine holding a city's open dossiers. It parks birth-registration
// instances (processes/dang-ky-khai-sinh, its .dmn deployed) at the review user task with their near-due and
// overdue timers and withdrawal subscription, up to BENCH_LIVE (200,000), and at 0, 50,000 and BENCH_LIVE prints
// side by side: engine RSS and bytes per live instance, p50/p99 of CreateProcessInstance and of job activation
// under a steady BENCH_STEADY_RATE (20) full-path instances/s, the longest event-loop stall of the engine during
// the steady phase and during a snapshot, the snapshot's size, and the time from kill -9 to serving again.
// The engine runs in its own process (this file forked with --engine), its loop watched by
// perf_hooks.monitorEventLoopDelay and reported over the IPC channel; everything else goes through zeebe-node.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ZBClient, type ZBWorker } from 'zeebe-node';
import { startEngine } from '../embedded/zeebe';
import { poissonGapMs } from './open-loop-load';

const LIVE = Number(process.env.BENCH_LIVE ?? 200000);
const LEVELS = [...new Set([0, Math.min(50000, LIVE), LIVE])];
const RATE = Number(process.env.BENCH_STEADY_RATE ?? 20);
const STEADY_S = Number(process.env.BENCH_STEADY_S ?? 20);
const BUILD_IN_FLIGHT = Number(process.env.BENCH_BUILD_IN_FLIGHT ?? 128);
const ROOT = path.join(__dirname, '..');
const MODEL_DIR = path.join(ROOT, 'processes', 'dang-ky-khai-sinh');
const PROCESS_ID = 'dang-ky-khai-sinh';
const DAY = 86_400_000;
// As engine-worker/user-task-bridge.ts (not imported: it loads the app's mongoose models into the engine's process)
const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';
const USER_TASK_LOCK_MS = 10 * 60_000;

// ---- the engine's side ----

type EngineReply =
  | { ready: string }
  | { stats: { rssBytes: number; maxStallMs: number } }
  | { snapshot: { maxStallMs: number; bytes: number; ms: number } };

async function runEngine(dataDir: string, port: number): Promise<void> {
  const engine = await startEngine({ port, host: '127.0.0.1', dataDir });
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const send = (reply: EngineReply): void => void process.send?.(reply);
  const maxStallMs = (): number => loop.max / 1e6;
  process.on('message', (message: { type: string }) => {
    if (message.type === 'reset') {
      loop.reset();
      send({ stats: { rssBytes: process.memoryUsage().rss, maxStallMs: 0 } });
    } else if (message.type === 'stats') {
      const stall = maxStallMs();
      (globalThis as { gc?: () => void }).gc?.();
      send({ stats: { rssBytes: process.memoryUsage().rss, maxStallMs: stall } });
    } else if (message.type === 'snapshot') {
      loop.reset();
      const t0 = performance.now();
      // the periodic snapshot, as every SNAPSHOT_EVERY records while serving (not the clean stop's)
      void engine.runtime
        .compacted()
        .then(() => engine.runtime.compact())
        .then(() => new Promise((resolve) => setTimeout(resolve, 20)))
        .then(async () => {
          const bytes = (await stat(path.join(dataDir, 'snapshot.json'))).size;
          send({ snapshot: { maxStallMs: maxStallMs(), bytes, ms: performance.now() - t0 } });
        });
    }
  });
  process.on('disconnect', () => process.exit(0));
  send({ ready: engine.address });
}

class EngineProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly address: string,
  ) {}

  static start(dataDir: string, port: number): Promise<EngineProcess> {
    const child = fork(__filename, ['--engine', dataDir, String(port)], {
      execArgv: ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      child.once('message', (m: EngineReply) => {
        if ('ready' in m) resolve(new EngineProcess(child, m.ready));
      });
      child.once('exit', (code) => reject(new Error(`engine exited with ${code}`)));
    });
  }

  ask<K extends 'stats' | 'snapshot'>(
    type: 'reset' | K,
    key: K,
  ): Promise<Extract<EngineReply, Record<K, unknown>>[K]> {
    return new Promise((resolve) => {
      const on = (m: EngineReply): void => {
        if (key in m) {
          this.child.off('message', on);
          resolve((m as unknown as Record<K, never>)[key]);
        }
      };
      this.child.on('message', on);
      this.child.send({ type });
    });
  }

  kill9(): Promise<void> {
    return new Promise((resolve) => {
      this.child.removeAllListeners('exit');
      this.child.once('exit', () => resolve());
      this.child.kill('SIGKILL');
    });
  }
}

// ---- the bench's side ----

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function wallNow(): number {
  return performance.timeOrigin + performance.now();
}

let dossierSeq = 0;
/** A dossier's variables as the intake sets them; warnAt/dueAt weeks ahead so the timers stay waiting. */
function dossierVariables(readyAt?: number): Record<string, string | number | boolean> {
  const n = ++dossierSeq;
  const due = Date.now() + 14 * DAY + (n % 1000) * 60_000;
  return {
    dossierId: `665f${n.toString(16).padStart(20, '0')}`,
    dossierCode: `000.00.01.H26-250601-${String(n).padStart(6, '0')}`,
    procedureCode: '1.001193',
    agencyCode: `000.${String(n % 579).padStart(2, '0')}.01.H26`,
    applicantName: 'Nguyễn Văn An',
    applicantCategory: 'thuong',
    childBirthDate: '2025-05-20',
    receivedOn: '2025-06-01',
    accepted: true,
    warnAt: new Date(due - 2 * DAY).toISOString(),
    dueAt: new Date(due).toISOString(),
    ...(readyAt === undefined ? {} : { readyAt }),
  };
}

/** Service task types before the review user task, completed by the bench as the app's workers would. */
const SERVICE_TYPES = ['dossier.intake', 'dossier.scan', 'dossier.fee', 'dossier.deadline'];

interface Connection {
  zbc: ZBClient;
  workers: ZBWorker<never, never, never>[];
}

/** Job activation latencies (ms): from the moment the job was due to be created to its handler's start. */
const activations: Array<[number, number]> = [];
let parkedByBridge = 0;

function connect(address: string): Connection {
  const zbc = new ZBClient(address, { usePlainText: true, loglevel: 'NONE' } as never);
  const workers: ZBWorker<never, never, never>[] = [];
  for (const type of SERVICE_TYPES) {
    workers.push(
      zbc.createWorker({
        taskType: type,
        maxJobsToActivate: 64,
        pollInterval: 5,
        loglevel: 'NONE',
        taskHandler: (job) => {
          const now = wallNow();
          const readyAt = Number((job.variables as { readyAt?: number }).readyAt);
          if (Number.isFinite(readyAt)) activations.push([now, now - readyAt]);
          return job.complete({ readyAt: wallNow() });
        },
      }) as never,
    );
  }
  // The officers' inbox bridge: holds each user task for USER_TASK_LOCK_MS and never completes it here.
  workers.push(
    zbc.createWorker({
      taskType: USER_TASK_JOB_TYPE,
      timeout: USER_TASK_LOCK_MS,
      maxJobsToActivate: 1000,
      pollInterval: 5,
      loglevel: 'NONE',
      taskHandler: (job) => {
        const now = wallNow();
        const readyAt = Number((job.variables as { readyAt?: number }).readyAt);
        if (Number.isFinite(readyAt)) activations.push([now, now - readyAt]);
        parkedByBridge++;
        return job.forward();
      },
    }) as never,
  );
  return { zbc, workers };
}

function disconnect(connection: Connection): void {
  for (const worker of connection.workers) void worker.close(100).catch(() => undefined);
  void connection.zbc.close(100).catch(() => undefined);
}

async function runPool(count: number, inFlight: number, one: () => Promise<void>): Promise<void> {
  let started = 0;
  const lane = async (): Promise<void> => {
    while (started < count) {
      started++;
      await one();
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
}

/** Instances parked at review: started at the deadline-counting subprocess, as after ComputeDeadline. */
async function build(zbc: ZBClient, count: number): Promise<number> {
  const t0 = performance.now();
  await runPool(count, BUILD_IN_FLIGHT, async () => {
    await zbc.createProcessInstance({
      bpmnProcessId: PROCESS_ID,
      variables: dossierVariables(),
      startInstructions: [{ elementId: 'Processing' }],
    } as never);
  });
  return count / ((performance.now() - t0) / 1000);
}

interface LevelFigures {
  live: number;
  rssMb: number;
  bytesPerInstance: number;
  createP50: number;
  createP99: number;
  activationP50: number;
  activationP99: number;
  steadyStallMs: number;
  snapshotStallMs: number;
  snapshotMb: number;
  snapshotMs: number;
  servingAfterKillS: number;
  buildPerSecond: number;
}

/** Full-path instances at RATE/s (Poisson arrivals, open loop) for STEADY_S seconds, each to its review task. */
async function steady(zbc: ZBClient): Promise<{ create: number[]; activation: number[] }> {
  const create: number[] = [];
  const from = wallNow();
  const running: Promise<void>[] = [];
  const count = Math.round(RATE * STEADY_S);
  const parkedBefore = parkedByBridge;
  let nextAt = performance.now();
  for (let i = 0; i < count; i++) {
    const wait = nextAt - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const sent = wallNow();
    running.push(
      zbc
        .createProcessInstance({ bpmnProcessId: PROCESS_ID, variables: dossierVariables(sent) })
        .then(() => void create.push(wallNow() - sent)),
    );
    nextAt += poissonGapMs(RATE);
  }
  await Promise.all(running);
  const until = performance.now() + 60_000;
  while (parkedByBridge - parkedBefore < count && performance.now() < until)
    await new Promise((resolve) => setTimeout(resolve, 50));
  const to = wallNow();
  const activation = activations.filter(([at]) => at >= from && at <= to).map(([, latency]) => latency);
  return { create, activation };
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bench-engine-scale-'));
  const port = await freePort();
  let engine = await EngineProcess.start(dataDir, port);
  let connection = connect(engine.address);
  await connection.zbc.deployResource({
    name: 'dang-ky-khai-sinh.dmn',
    decision: await readFile(path.join(MODEL_DIR, 'dang-ky-khai-sinh.dmn')),
  } as never);
  await connection.zbc.deployResource({
    name: 'dang-ky-khai-sinh.bpmn',
    process: await readFile(path.join(MODEL_DIR, 'dang-ky-khai-sinh.bpmn')),
  });
  // warm-up: the code paths compiled before the first figures
  await build(connection.zbc, 500);
  await steady(connection.zbc);
  let live = 500 + Math.round(RATE * STEADY_S);
  const baseRss = (await engine.ask('stats', 'stats')).rssBytes;
  const figures: LevelFigures[] = [];
  for (const level of LEVELS) {
    const toBuild = Math.max(0, level - live);
    const buildPerSecond = toBuild > 0 ? await build(connection.zbc, toBuild) : NaN;
    live += toBuild;
    console.error(`[bench] ${live} live instances (built at ${buildPerSecond.toFixed(0)}/s)`);
    const { rssBytes } = await engine.ask('stats', 'stats');
    await engine.ask('reset', 'stats');
    const { create, activation } = await steady(connection.zbc);
    live += create.length;
    const steadyStallMs = (await engine.ask('stats', 'stats')).maxStallMs;
    const snapshot = await engine.ask('snapshot', 'snapshot');
    // kill -9, then the time until a new engine process on the same data answers a create
    await connection.zbc.createProcessInstance({ bpmnProcessId: PROCESS_ID, variables: dossierVariables() });
    live++;
    const killedAt = performance.now();
    await engine.kill9();
    disconnect(connection);
    engine = await EngineProcess.start(dataDir, port);
    connection = connect(engine.address);
    await connection.zbc.createProcessInstance({ bpmnProcessId: PROCESS_ID, variables: dossierVariables() });
    live++;
    const servingAfterKillS = (performance.now() - killedAt) / 1000;
    figures.push({
      live: level,
      rssMb: rssBytes / 2 ** 20,
      bytesPerInstance: level > 0 ? (rssBytes - baseRss) / level : NaN,
      createP50: percentile(create, 50),
      createP99: percentile(create, 99),
      activationP50: percentile(activation, 50),
      activationP99: percentile(activation, 99),
      steadyStallMs,
      snapshotStallMs: snapshot.maxStallMs,
      snapshotMb: snapshot.bytes / 2 ** 20,
      snapshotMs: snapshot.ms,
      servingAfterKillS,
      buildPerSecond,
    });
    if (level !== LEVELS[LEVELS.length - 1]) print(figures); // figures so far, in case a long run is cut short
  }
  print(figures);
  disconnect(connection);
  await engine.kill9();
  await rm(dataDir, { recursive: true, force: true });
  process.exit(0);
}

function print(figures: LevelFigures[]): void {
  const f = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '–');
  const row = (label: string, cell: (l: LevelFigures) => string): void =>
    console.log(`  ${label.padEnd(40)}${figures.map((l) => cell(l).padStart(14)).join('')}`);
  console.log(
    `Embedded engine at scale: ${PROCESS_ID} parked at review (2 boundary timers, 1 message subscription, ` +
      `user task held by the bridge for ${USER_TASK_LOCK_MS / 60000} min); steady ${RATE} full-path ` +
      `instances/s for ${STEADY_S} s at each level`,
  );
  row('live instances', (l) => String(l.live));
  row('built at (instances/s)', (l) => f(l.buildPerSecond, 0));
  row('engine RSS (MB)', (l) => f(l.rssMb));
  row('RSS per live instance (bytes)', (l) => f(l.bytesPerInstance, 0));
  row('CreateProcessInstance p50 (ms)', (l) => f(l.createP50));
  row('CreateProcessInstance p99 (ms)', (l) => f(l.createP99));
  row('job activation p50 (ms)', (l) => f(l.activationP50));
  row('job activation p99 (ms)', (l) => f(l.activationP99));
  row('longest loop stall, steady phase (ms)', (l) => f(l.steadyStallMs));
  row('longest loop stall, snapshot (ms)', (l) => f(l.snapshotStallMs));
  row('snapshot size (MB)', (l) => f(l.snapshotMb));
  row('snapshot took (ms)', (l) => f(l.snapshotMs, 0));
  row('serving again after kill -9 (s)', (l) => f(l.servingAfterKillS, 2));
  const [zero] = figures;
  const top = figures[figures.length - 1];
  if (!zero || !top) return;
  const verdict = (ok: boolean): string => (ok ? 'MEETS ' : 'MISSES');
  console.log(`Targets at ${top.live}:`);
  console.log(
    `  ${verdict(top.createP99 <= 1.5 * zero.createP99 && top.activationP99 <= 1.5 * zero.activationP99)} ` +
      `p99 create and activation within 1.5× of those at 0`,
  );
  const stall = Math.max(...figures.map((l) => Math.max(l.steadyStallMs, l.snapshotStallMs)));
  console.log(`  ${verdict(stall <= 50)} no loop stall over 50 ms (longest ${f(stall)} ms)`);
  console.log(`  ${verdict(top.servingAfterKillS <= 20)} serving again within 20 s of kill -9`);
  console.log(`  ${verdict(top.bytesPerInstance < 4096)} under 4 KB of RSS per waiting instance`);
}

const engineAt = process.argv.indexOf('--engine');
(engineAt >= 0
  ? runEngine(process.argv[engineAt + 1] as string, Number(process.argv[engineAt + 2]))
  : main()
).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
