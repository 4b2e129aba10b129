// Test harness: an engine on random ports with a controlled clock in a temp dir, a zeebe-node client, and
// helpers for the inspection API and for building small BPMN models.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ZBClient } from 'zeebe-node';
import { startEngine, type RunningEngine } from '../../../embedded/zeebe';
import { advanceClock, inspectionOf, inspectJson } from './inspect-client';

export interface Harness {
  engine: RunningEngine;
  zbc: ZBClient;
  dataDir: string;
  inspect<T = unknown>(urlPath: string): Promise<T>;
  advance(ms: number): Promise<void>;
  deploy(id: string, body: string, name?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'engine-test-'));
  const engine = await startEngine({ port: 0, inspectPort: 0, dataDir, clock: 'controlled' });
  const zbc = new ZBClient(engine.address, { usePlainText: true, loglevel: 'NONE' } as never);
  const harness: Harness = {
    engine,
    zbc,
    dataDir,
    inspect: <T>(urlPath: string) => inspectJson<T>(inspectionOf(engine), urlPath),
    advance: (ms: number) => advanceClock(inspectionOf(engine), ms),
    async deploy(id: string, body: string, name = `${id}.bpmn`) {
      const result = await zbc.deployResource({ name, process: Buffer.from(bpmn(id, body)) });
      const first = result.deployments[0] as { process?: { processDefinitionKey: string } };
      return first.process?.processDefinitionKey ?? '';
    },
    async close() {
      await zbc.close();
      await engine.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** The snapshot the engine would write now says exactly what its state says (snapshots reuse encoded bytes). */
export function expectSnapshotFaithful(engine: RunningEngine): void {
  const runtime = engine.runtime;
  expect(JSON.parse(runtime.snapshotState())).toEqual(JSON.parse(JSON.stringify(runtime.engine.state)));
}

/** The file's harness: started before its tests (then `setup` runs on it), closed after them. */
export function useHarness(setup?: (h: Harness) => Promise<unknown>): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    Object.assign(h, await startHarness());
    await setup?.(h);
  });
  afterAll(async () => {
    // Snapshots reuse the JSON of finished instances and definitions: whatever the file's scenarios did, the
    // snapshot must still say exactly what the state says.
    try {
      expectSnapshotFaithful(h.engine);
    } finally {
      await h.close();
    }
  });
  return h;
}

/** An incident as the inspection API lists it. */
export interface Incident {
  key: string;
  type: string;
  message: string;
  processInstanceKey: string;
  jobKey: string | null;
}

export function bpmn(id: string, body: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://bpmn.io/schema/bpmn">
${extra}
<bpmn:process id="${id}" isExecutable="true">
${body}
</bpmn:process>
</bpmn:definitions>`;
}

/** A service task with its task definition and optional extension XML. */
export function task(id: string, type: string, extensions = '', attrs = ''): string {
  return `<bpmn:serviceTask id="${id}" ${attrs}><bpmn:extensionElements><zeebe:taskDefinition type="${type}" />${extensions}</bpmn:extensionElements></bpmn:serviceTask>`;
}

export function flow(id: string, from: string, to: string, condition?: string): string {
  const cond = condition
    ? `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${condition}</bpmn:conditionExpression>`
    : '';
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}">${cond}</bpmn:sequenceFlow>`;
}

/** Chains elements with flows f0..fn: start → ...elements → end. */
export function chain(...ids: string[]): string {
  return ids
    .slice(1)
    .map((to, i) => flow(`f${i}`, ids[i] as string, to))
    .join('\n');
}

export const start = (id = 'start'): string => `<bpmn:startEvent id="${id}" />`;
export const end = (id = 'end'): string => `<bpmn:endEvent id="${id}" />`;

export interface RawJob {
  key: string;
  variables: Record<string, unknown>;
  customHeaders: Record<string, unknown>;
  retries: number;
  deadline: string;
  elementInstanceKey: string;
  processInstanceKey: string;
}

/** Activates jobs once (no long polling) through the raw gRPC call; resolves with [] on an empty poll. */
export async function activate(
  zbc: ZBClient,
  type: string,
  options: { max?: number; timeout?: number; fetchVariable?: string[] } = {},
): Promise<RawJob[]> {
  const grpc = (
    zbc as unknown as { grpc: { activateJobsStream(req: unknown): Promise<NodeJS.EventEmitter> } }
  ).grpc;
  const stream = await grpc.activateJobsStream({
    type,
    worker: 'test',
    timeout: options.timeout ?? 60000,
    maxJobsToActivate: options.max ?? 32,
    fetchVariable: options.fetchVariable ?? [],
    requestTimeout: -1,
    tenantIds: [],
  });
  return new Promise((resolve, reject) => {
    const jobs: RawJob[] = [];
    stream.on('data', (res: { jobs: Array<Record<string, unknown>> }) => {
      for (const j of res.jobs) {
        jobs.push({
          ...(j as unknown as RawJob),
          variables: JSON.parse(j.variables as string) as Record<string, unknown>,
          customHeaders: JSON.parse(j.customHeaders as string) as Record<string, unknown>,
        });
      }
    });
    stream.on('end', () => resolve(jobs));
    stream.on('error', reject);
  });
}

/** Polls until one job of the type is activatable (the engine answers at once; no sleeping on timers). */
export async function nextJob(
  zbc: ZBClient,
  type: string,
  options: { fetchVariable?: string[] } = {},
): Promise<RawJob> {
  for (let i = 0; i < 200; i++) {
    const [job] = await activate(zbc, type, { max: 1, ...options });
    if (job) return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no job of type ${type}`);
}

export async function errorOf(promise: Promise<unknown>): Promise<{ code?: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: number; message: string };
  }
  throw new Error('expected a rejection');
}
