// Snapshots reuse the bytes of finished instances (store/snapshot-json.ts). Across restarts, the finished
// instances read back from a snapshot, the ones finished after it, and the ones still running must all be
// written again faithfully, and come back whole through the inspection API.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ZBClient } from 'zeebe-node';
import { startEngine, type RunningEngine } from '../../../embedded/zeebe';
import { inspectionOf, inspectJson } from './inspect-client';
import { bpmn, chain, end, expectSnapshotFaithful, nextJob, start, task } from './support';

jest.setTimeout(60_000);

interface InstanceView {
  state: string;
  elementInstances: Array<{ elementId: string; state: string }>;
  variables: Array<{ scopeKey: string; variables: Record<string, unknown> }>;
}

let dataDir: string;
let engine: RunningEngine;
let zbc: ZBClient;

async function open(): Promise<void> {
  engine = await startEngine({ port: 0, inspectPort: 0, dataDir, clock: 'controlled' });
  zbc = new ZBClient(engine.address, { usePlainText: true, loglevel: 'NONE' } as never);
}

/** Closes the engine (which writes a snapshot) and starts it again from the data dir. */
async function restart(): Promise<void> {
  await zbc.close();
  await engine.close();
  await open();
}

async function instance(key: string): Promise<InstanceView> {
  return inspectJson<InstanceView>(inspectionOf(engine), `/process-instances/${key}`);
}

async function completeNext(type: string, variables: Record<string, unknown>): Promise<void> {
  const job = await nextJob(zbc, type);
  await zbc.completeJob({ jobKey: job.key, variables });
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'engine-snapshot-'));
  await open();
  await zbc.deployResource({
    name: 'child.bpmn',
    process: Buffer.from(
      bpmn('snapChild', `${start()}${task('check', 'snap-check')}${end()}${chain('start', 'check', 'end')}`),
    ),
  });
  await zbc.deployResource({
    name: 'parent.bpmn',
    process: Buffer.from(
      bpmn(
        'snapParent',
        `${start()}${task('intake', 'snap-intake')}<bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="snapChild" propagateAllChildVariables="true" /></bpmn:extensionElements></bpmn:callActivity>${end()}${chain('start', 'intake', 'call', 'end')}`,
      ),
    ),
  });
});

afterAll(async () => {
  await zbc.close();
  await engine.close();
  await rm(dataDir, { recursive: true, force: true });
});

test('finished instances from before a restart, finished after it, and running ones survive two snapshots', async () => {
  const before = await zbc.createProcessInstance({
    bpmnProcessId: 'snapParent',
    variables: { dossier: 'H01' },
  });
  await completeNext('snap-intake', { received: 'Nguyễn Văn A' });
  await completeNext('snap-check', { checked: true });
  const running = await zbc.createProcessInstance({
    bpmnProcessId: 'snapParent',
    variables: { dossier: 'H02' },
  });
  await completeNext('snap-intake', { received: 'Trần Thị B' });
  expect((await instance(before.processInstanceKey)).state).toBe('COMPLETED');
  expectSnapshotFaithful(engine);

  await restart();
  // Read back from the snapshot: encoded again at start, not at the next snapshot.
  expectSnapshotFaithful(engine);
  const after = await zbc.createProcessInstance({
    bpmnProcessId: 'snapParent',
    variables: { dossier: 'H03' },
  });
  await completeNext('snap-intake', { received: 'Lê Văn C' });
  await completeNext('snap-check', { checked: false });
  await completeNext('snap-check', { checked: true });
  expectSnapshotFaithful(engine);

  await restart();
  expectSnapshotFaithful(engine);
  for (const [key, dossier] of [
    [before.processInstanceKey, 'H01'],
    [running.processInstanceKey, 'H02'],
    [after.processInstanceKey, 'H03'],
  ] as const) {
    const view = await instance(key);
    expect(view.state).toBe('COMPLETED');
    expect(view.elementInstances.map((e) => [e.elementId, e.state])).toEqual(
      expect.arrayContaining([
        ['intake', 'COMPLETED'],
        ['call', 'COMPLETED'],
        ['end', 'COMPLETED'],
      ]),
    );
    const root = view.variables.find((scope) => scope.scopeKey === key);
    expect(root?.variables).toEqual(expect.objectContaining({ dossier, checked: expect.any(Boolean) }));
  }
});
