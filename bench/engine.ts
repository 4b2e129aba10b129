// `npm run bench:engine`: the embedded Zeebe engine (its own process, real clock, fsync'd log) driven by
// zeebe-node workers (a second process) and a zeebe-node client creating instances with result (this one)
// over gRPC on loopback, as in a deployment, on a 5-service-task process. Two phases: saturated (IN_FLIGHT
// instances always in flight: the most it completes per second, and the latency at that point, which is
// queueing), then open loop at the target rate (BENCH_RATE, 300/s: Poisson arrivals whatever the engine
// does), where the job activation latency target is read. Each prints completed instances per second, job
// activation latency p50/p99 and create→last-completion latency p50/p99; then the engine's memory and the
// same BPMN in bpmn-engine in-process (services answer at once) for a ratio.
// The whole run is done twice on fresh engines, same model and load: workers polling (zeebe-node ActivateJobs
// long polls) and workers on job streaming (@camunda8/sdk streamJobs: StreamActivatedJobs pushes each job).
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Camunda8 } from '@camunda8/sdk';
import { Engine as BpmnEngine } from 'bpmn-engine';
import { ZBClient } from 'zeebe-node';
import { poissonGapMs } from './open-loop-load';

const TASKS = 5;
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 3000);
const WARMUP = 200;
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 64);
/** The target rate: latency is read at this offered load, the maximum with IN_FLIGHT in flight. */
const RATE = Number(process.env.BENCH_RATE ?? 300);
const ROOT = path.join(__dirname, '..');

function model(): string {
  const tasks = Array.from(
    { length: TASKS },
    (_, i) =>
      `<bpmn:serviceTask id="t${i}"><bpmn:extensionElements><zeebe:taskDefinition type="bench-${i}" /></bpmn:extensionElements></bpmn:serviceTask>`,
  ).join('');
  const ids = ['start', ...Array.from({ length: TASKS }, (_, i) => `t${i}`), 'end'];
  const flows = ids
    .slice(1)
    .map((to, i) => `<bpmn:sequenceFlow id="f${i}" sourceRef="${ids[i]}" targetRef="${to}" />`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
<bpmn:process id="bench" isExecutable="true"><bpmn:startEvent id="start" />${tasks}<bpmn:endEvent id="end" />${flows}</bpmn:process>
</bpmn:definitions>`;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function launch(dataDir: string): Promise<{ child: ChildProcess; address: string }> {
  const child = spawn(
    process.execPath,
    [
      // e.g. BENCH_ENGINE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/engine-profile" to profile the engine
      ...(process.env.BENCH_ENGINE_NODE_ARGS ?? '').split(' ').filter(Boolean),
      '--import',
      'tsx',
      path.join(ROOT, 'embedded', 'zeebe', 'cli.ts'),
      ...['--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir],
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /gRPC (\S+),/.exec(out);
      if (m) resolve({ child, address: m[1] as string });
    });
    child.once('exit', (code) => reject(new Error(`engine exited with ${code}: ${out}`)));
  });
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
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

// zeebe-node opens its next ActivateJobs only on its pollInterval timer, and only while it holds at most 30 % of
// maxJobsToActivate (the Java client polls again as soon as a response ends). With 100 ms and 64 the next job
// of a type waited up to one or two ticks whenever a response had just ended: open-loop p99 118 ms. A 1 ms
// timer is the nearest zeebe-node gets to the Java client. Its cost when idle: 5 workers took 4.5 % of a core
// at 1 ms against 2.0 % at 100 ms (engine idle in the same process).
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 1);
const MAX_JOBS = Number(process.env.BENCH_MAX_JOBS ?? 256);

/** Wall-clock milliseconds with sub-millisecond precision, comparable across the bench's processes. */
function wallNow(): number {
  return performance.timeOrigin + performance.now();
}

// The workers run in their own process, as they do in production (engine-worker), not beside the client that
// creates instances. A job's activation latency is the time from the moment it became due to be created
// (the previous task's handler started, or the create request was sent for the first task) to the moment
// its handler starts; that moment travels to the next job as the `readyAt` variable.
// A complete's round trip (sent → acknowledged, after the engine's fsync) is sampled too: it is the part of the
// activation latency that is not waiting for a poll.
type Samples = { activation: Array<[number, number]>; complete: Array<[number, number]> };

function doubled(from: Float64Array): Float64Array {
  const to = new Float64Array(from.length * 2);
  to.set(from);
  return to;
}

/**
 * Time-stamped latencies in typed arrays rather than 60,000 small arrays of pairs, which lived through the
 * scavenges of the worker process: the measuring should not feed the garbage collector of the process it measures.
 */
class SampleLog {
  private at: Float64Array = new Float64Array(1 << 16);
  private latency: Float64Array = new Float64Array(1 << 16);
  private length = 0;

  push(at: number, latency: number): void {
    if (this.length === this.at.length) {
      this.at = doubled(this.at);
      this.latency = doubled(this.latency);
    }
    this.at[this.length] = at;
    this.latency[this.length++] = latency;
  }

  pairs(): Array<[number, number]> {
    return Array.from({ length: this.length }, (_, i) => [this.at[i] as number, this.latency[i] as number]);
  }
}
type WorkerMessage = { ready: true } | { samples: Samples };
/** zeebe-node polling; @camunda8/sdk polling (createWorker); @camunda8/sdk job streaming (streamJobs) */
type WorkerMode = 'poll' | 'sdk-poll' | 'stream';

interface BenchJob {
  variables: unknown;
  complete(variables: { readyAt: number }): Promise<unknown>;
}

/** Starts one worker per task type that calls `handle`; resolves with how to close them. */
async function startWorkers(
  address: string,
  mode: WorkerMode,
  handle: (job: BenchJob) => Promise<unknown>,
): Promise<() => Promise<unknown>> {
  if (mode === 'poll') {
    const zbc = new ZBClient(address, { usePlainText: true, loglevel: 'NONE' } as never);
    for (let i = 0; i < TASKS; i++) {
      zbc.createWorker({
        taskType: `bench-${i}`,
        maxJobsToActivate: MAX_JOBS,
        pollInterval: POLL_MS,
        taskHandler: (job) => handle(job as unknown as BenchJob) as never,
      });
    }
    return () => zbc.close();
  }
  const zbc = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${address}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
  } as never).getZeebeGrpcApiClient();
  if (mode === 'sdk-poll') {
    for (let i = 0; i < TASKS; i++) {
      zbc.createWorker({
        taskType: `bench-${i}`,
        maxJobsToActivate: MAX_JOBS,
        pollInterval: POLL_MS,
        taskHandler: (job) => handle(job as unknown as BenchJob) as never,
      });
    }
    return () => zbc.close();
  }
  for (let i = 0; i < TASKS; i++) {
    await zbc.streamJobs({
      type: `bench-${i}`,
      worker: 'bench',
      timeout: 30000,
      tenantIds: [],
      // no sidecar poll: every job of the run is pushed
      pollInterval: 0,
      taskHandler: (job) => handle(job as unknown as BenchJob) as never,
    });
  }
  return () => zbc.close();
}

async function runWorkers(address: string, mode: WorkerMode): Promise<void> {
  const samples = { activation: new SampleLog(), complete: new SampleLog() };
  const close = await startWorkers(address, mode, (job) => {
    const now = wallNow();
    const readyAt = Number((job.variables as { readyAt?: number }).readyAt);
    if (Number.isFinite(readyAt)) samples.activation.push(now, now - readyAt);
    const sent = wallNow();
    return job.complete({ readyAt: now }).then((ack) => {
      samples.complete.push(sent, wallNow() - sent);
      return ack;
    });
  });
  const send = (message: WorkerMessage): void => void process.send?.(message);
  process.on('message', (message: { type: string }) => {
    if (message.type === 'report') {
      send({ samples: { activation: samples.activation.pairs(), complete: samples.complete.pairs() } });
    }
    if (message.type === 'stop') void close().then(() => process.exit(0));
  });
  process.on('disconnect', () => process.exit(0));
  send({ ready: true });
}

function forkWorkers(address: string, mode: WorkerMode): Promise<ChildProcess> {
  const child = fork(__filename, ['--workers', address, mode], {
    // e.g. BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/worker-profile" to profile the workers
    execArgv: [...(process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean), '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`bench workers exited with ${code}`)));
  });
}

function reportOf(child: ChildProcess): Promise<Samples> {
  return new Promise((resolve) => {
    child.once('message', (message: WorkerMessage) =>
      resolve('samples' in message ? message.samples : { activation: [], complete: [] }),
    );
    child.send({ type: 'report' });
  });
}

interface PhaseFigures {
  instancesPerSecond: number;
  activationP50: number;
  activationP99: number;
  completeP50: number;
  completeP99: number;
  endToEndP50: number;
  endToEndP99: number;
}

/** Instances started on a Poisson schedule at `rate` per second whatever the engine does (open loop). */
async function runOpenLoop(count: number, rate: number, one: () => Promise<void>): Promise<void> {
  const running: Promise<void>[] = [];
  let nextAt = performance.now();
  for (let i = 0; i < count; i++) {
    const wait = nextAt - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    running.push(one());
    nextAt += poissonGapMs(rate);
  }
  await Promise.all(running);
}

async function benchEmbedded(
  xml: string,
  mode: WorkerMode,
): Promise<{ saturated: PhaseFigures; atRate: PhaseFigures; engineRssMb: number }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bench-engine-'));
  const { child, address } = await launch(dataDir);
  const zbc = new ZBClient(address, { usePlainText: true, loglevel: 'NONE' } as never);
  await zbc.deployResource({ name: 'bench.bpmn', process: Buffer.from(xml) });
  const workers = await forkWorkers(address, mode);
  let endToEnd: number[] = [];
  let measuring = false;
  const oneInstance = async (): Promise<void> => {
    const t0 = performance.now();
    await zbc.createProcessInstanceWithResult({
      bpmnProcessId: 'bench',
      variables: { n: 1, readyAt: performance.timeOrigin + t0 },
      requestTimeout: 60000,
    });
    if (measuring) endToEnd.push(performance.now() - t0);
  };
  const phase = async (drive: () => Promise<void>): Promise<PhaseFigures> => {
    endToEnd = [];
    measuring = true;
    const from = wallNow();
    await drive();
    const to = wallNow();
    measuring = false;
    const samples = await reportOf(workers);
    const within = (list: Array<[number, number]>) =>
      list.filter(([at]) => at >= from && at <= to).map(([, latency]) => latency);
    const activation = within(samples.activation);
    const complete = within(samples.complete);
    return {
      instancesPerSecond: INSTANCES / ((to - from) / 1000),
      activationP50: percentile(activation, 50),
      activationP99: percentile(activation, 99),
      completeP50: percentile(complete, 50),
      completeP99: percentile(complete, 99),
      endToEndP50: percentile(endToEnd, 50),
      endToEndP99: percentile(endToEnd, 99),
    };
  };
  await runPool(WARMUP, IN_FLIGHT, oneInstance);
  const saturated = await phase(() => runPool(INSTANCES, IN_FLIGHT, oneInstance));
  const atRate = await phase(() => runOpenLoop(INSTANCES, RATE, oneInstance));
  const engineRssMb = await rssMb(child.pid as number);
  await new Promise<void>((resolve) => {
    workers.once('exit', () => resolve());
    workers.send({ type: 'stop' });
  });
  await zbc.close();
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  await rm(dataDir, { recursive: true, force: true });
  return { saturated, atRate, engineRssMb };
}

async function benchBpmnEngine(xml: string): Promise<number> {
  const one = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const engine = new BpmnEngine({ name: 'bench', source: xml, settings: { enableDummyService: true } });
      engine.once('end', () => resolve());
      engine.once('error', reject);
      void engine.execute();
    });
  await runPool(WARMUP, IN_FLIGHT, one);
  const t0 = performance.now();
  await runPool(INSTANCES, IN_FLIGHT, one);
  return INSTANCES / ((performance.now() - t0) / 1000);
}

async function main(): Promise<void> {
  const xml = model();
  const embedded = await benchEmbedded(xml, 'poll');
  const sdkPolling = await benchEmbedded(xml, 'sdk-poll');
  const streaming = await benchEmbedded(xml, 'stream');
  const peer = await benchBpmnEngine(xml);
  const f = (n: number | undefined): string => (n ?? NaN).toFixed(1);
  const print = (title: string, figures: PhaseFigures) => {
    console.log(title);
    console.log(`  completed instances/s          ${f(figures.instancesPerSecond)}`);
    console.log(
      `  job activation latency p50/p99 ${f(figures.activationP50)} / ${f(figures.activationP99)} ms`,
    );
    console.log(`  of which complete round trip   ${f(figures.completeP50)} / ${f(figures.completeP99)} ms`);
    console.log(`  create→completion p50/p99      ${f(figures.endToEndP50)} / ${f(figures.endToEndP99)} ms`);
  };
  console.log(
    `Embedded Zeebe engine, ${TASKS}-service-task process, ${INSTANCES} instances per phase, ` +
      `workers in their own process, polling with zeebe-node (pollInterval ${POLL_MS} ms, maxJobsToActivate ${MAX_JOBS})`,
  );
  print(
    `Saturated: ${IN_FLIGHT} instances in flight (closed loop), the most it completes`,
    embedded.saturated,
  );
  print(`At ${RATE} instances/s offered (Poisson arrivals, open loop)`, embedded.atRate);
  const { saturated, atRate } = embedded;
  const meets =
    saturated.instancesPerSecond >= RATE &&
    atRate.instancesPerSecond >= RATE * 0.95 &&
    atRate.activationP99 < 50;
  console.log(
    `  ${meets ? 'MEETS' : 'MISSES'} target: completes ≥ ${RATE} instances/s with p99 job activation latency < 50 ms`,
  );
  console.log(`  engine RSS                     ${f(embedded.engineRssMb)} MB`);
  console.log(
    `Same engine, model and load; workers polling with @camunda8/sdk createWorker (pollInterval ${POLL_MS} ms)`,
  );
  print(`Saturated: ${IN_FLIGHT} instances in flight (closed loop)`, sdkPolling.saturated);
  print(`At ${RATE} instances/s offered (Poisson arrivals, open loop)`, sdkPolling.atRate);
  console.log(
    `Same engine, model and load; workers on job streaming (@camunda8/sdk streamJobs, StreamActivatedJobs, no poll)`,
  );
  print(`Saturated: ${IN_FLIGHT} instances in flight (closed loop)`, streaming.saturated);
  print(`At ${RATE} instances/s offered (Poisson arrivals, open loop)`, streaming.atRate);
  const ratio = (a: number, b: number): string => `${((a / b - 1) * 100).toFixed(0)} %`;
  console.log(
    `  activation p50/p99 streaming vs zeebe-node polling at ${RATE}/s: ${ratio(streaming.atRate.activationP50, atRate.activationP50)} / ${ratio(streaming.atRate.activationP99, atRate.activationP99)}`,
  );
  console.log(
    `  activation p50/p99 streaming vs sdk polling at ${RATE}/s (same client): ${ratio(streaming.atRate.activationP50, sdkPolling.atRate.activationP50)} / ${ratio(streaming.atRate.activationP99, sdkPolling.atRate.activationP99)}`,
  );
  console.log(`  engine RSS                     ${f(streaming.engineRssMb)} MB`);
  console.log(`bpmn-engine (in-process, no gRPC, no log), same BPMN`);
  console.log(`  completed instances/s          ${f(peer)}`);
  console.log(`  ratio embedded / bpmn-engine   ${(saturated.instancesPerSecond / peer).toFixed(2)}`);
  process.exit(0);
}

const workersAt = process.argv.indexOf('--workers');
(workersAt >= 0
  ? runWorkers(process.argv[workersAt + 1] as string, process.argv[workersAt + 2] as WorkerMode)
  : main()
).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
