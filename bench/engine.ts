// `npm run bench:engine`: the embedded Zeebe engine (its own process, real clock, fsync'd log) driven by
// zeebe-node workers over gRPC on loopback, on a 5-service-task process: completed instances per second,
// job activation latency p50/p99, create→last-completion latency p50/p99, engine memory; then the same BPMN
// in bpmn-engine in-process (services answer at once) for a ratio.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Engine as BpmnEngine } from 'bpmn-engine';
import { ZBClient } from 'zeebe-node';

const TASKS = 5;
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 3000);
const WARMUP = 200;
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 64);
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
      ...['--port', '0', '--host', '127.0.0.1', '--inspect-port', '0', '--data-dir', dataDir],
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

async function benchEmbedded(xml: string): Promise<Record<string, number>> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bench-engine-'));
  const { child, address } = await launch(dataDir);
  const zbc = new ZBClient(address, { usePlainText: true, loglevel: 'NONE' } as never);
  await zbc.deployResource({ name: 'bench.bpmn', process: Buffer.from(xml) });
  const readyAt = new Map<string, number>();
  const finished = new Map<string, () => void>();
  const activation: number[] = [];
  let measuring = false;
  for (let i = 0; i < TASKS; i++) {
    zbc.createWorker({
      taskType: `bench-${i}`,
      maxJobsToActivate: 64,
      pollInterval: Number(process.env.BENCH_POLL_MS ?? 100),
      taskHandler: async (job) => {
        const ready = readyAt.get(job.processInstanceKey);
        if (measuring && ready !== undefined) activation.push(performance.now() - ready);
        readyAt.set(job.processInstanceKey, performance.now());
        const ack = await job.complete();
        if (i === TASKS - 1) finished.get(job.processInstanceKey)?.();
        return ack;
      },
    });
  }
  const endToEnd: number[] = [];
  const oneInstance = async (): Promise<void> => {
    const t0 = performance.now();
    const created = await zbc.createProcessInstance({ bpmnProcessId: 'bench', variables: { n: 1 } });
    readyAt.set(created.processInstanceKey, t0);
    await new Promise<void>((resolve) => finished.set(created.processInstanceKey, resolve));
    finished.delete(created.processInstanceKey);
    readyAt.delete(created.processInstanceKey);
    if (measuring) endToEnd.push(performance.now() - t0);
  };
  await runPool(WARMUP, IN_FLIGHT, oneInstance);
  measuring = true;
  const t0 = performance.now();
  await runPool(INSTANCES, IN_FLIGHT, oneInstance);
  const seconds = (performance.now() - t0) / 1000;
  const memory = await rssMb(child.pid as number);
  await zbc.close();
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  await rm(dataDir, { recursive: true, force: true });
  return {
    instancesPerSecond: INSTANCES / seconds,
    activationP50: percentile(activation, 50),
    activationP99: percentile(activation, 99),
    endToEndP50: percentile(endToEnd, 50),
    endToEndP99: percentile(endToEnd, 99),
    engineRssMb: memory,
  };
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
  const embedded = await benchEmbedded(xml);
  const peer = await benchBpmnEngine(xml);
  const f = (n: number | undefined): string => (n ?? NaN).toFixed(1);
  console.log(
    `Embedded Zeebe engine, ${TASKS}-service-task process, ${INSTANCES} instances, ${IN_FLIGHT} in flight`,
  );
  console.log(`  completed instances/s          ${f(embedded.instancesPerSecond)}`);
  console.log(
    `  job activation latency p50/p99 ${f(embedded.activationP50)} / ${f(embedded.activationP99)} ms`,
  );
  console.log(`  create→completion p50/p99      ${f(embedded.endToEndP50)} / ${f(embedded.endToEndP99)} ms`);
  console.log(`  engine RSS                     ${f(embedded.engineRssMb)} MB`);
  console.log(`bpmn-engine (in-process, no gRPC, no log), same BPMN`);
  console.log(`  completed instances/s          ${f(peer)}`);
  console.log(`  ratio embedded / bpmn-engine   ${((embedded.instancesPerSecond ?? 0) / peer).toFixed(2)}`);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
