// Periodic snapshots are built by the compaction worker from the last snapshot and the log, off the serving
// loop: the snapshot it writes must say exactly what the live state said at its sequence number, the log it
// covers must go, and an engine recovering from it must come back to the same state.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ZBClient } from 'zeebe-node';
import { startEngine, type RunningEngine } from '../../../embedded/zeebe';
import { Engine } from '../../../embedded/zeebe/engine/engine';
import { recoverInto } from '../../../embedded/zeebe/recovery';
import { readSnapshot } from '../../../embedded/zeebe/store/snapshot';
import { bpmn, chain, end, flow, nextJob, start, task } from './support';

jest.setTimeout(60_000);

let dataDir: string;
let engine: RunningEngine;
let zbc: ZBClient;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'engine-compaction-'));
  engine = await startEngine({ port: 0, inspectPort: 0, dataDir, clock: 'controlled', snapshotEvery: 40 });
  zbc = new ZBClient(engine.address, { usePlainText: true, loglevel: 'NONE' } as never);
});

afterAll(async () => {
  await zbc.close();
  await engine.close();
  await rm(dataDir, { recursive: true, force: true });
});

const boundary =
  '<bpmn:boundaryEvent id="late" attachedToRef="check" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>' +
  `${task('remind', 'compaction-remind')}<bpmn:endEvent id="reminded" />${flow('r0', 'late', 'remind')}${flow('r1', 'remind', 'reminded')}`;

test('the worker writes the state at the cut, drops the log it covers, and recovery comes back to it', async () => {
  await zbc.deployResource({
    name: 'compaction.bpmn',
    process: Buffer.from(
      bpmn(
        'compaction',
        `${start()}${task('intake', 'compaction-intake')}${task('check', 'compaction-check')}${end()}${boundary}${chain('start', 'intake', 'check', 'end')}`,
      ),
    ),
  });
  for (let i = 0; i < 30; i++)
    await zbc.createProcessInstance({ bpmnProcessId: 'compaction', variables: { n: i, name: `Hồ sơ ${i}` } });
  for (let i = 0; i < 20; i++) {
    const job = await nextJob(zbc, 'compaction-intake');
    await zbc.completeJob({ jobKey: job.key, variables: { checked: i } });
  }
  // Periodic compactions ran meanwhile (every 40 records); this one cuts the log after the last command.
  await engine.runtime.compacted();
  await engine.runtime.compact();

  const snapshot = await readSnapshot(dataDir);
  expect(snapshot).toBeDefined();
  const state = JSON.parse(JSON.stringify(engine.runtime.engine.state)) as unknown;
  // No command ran after the last cut (the controlled clock stands still): the snapshot is the live state.
  expect(snapshot?.state).toEqual(state);
  const segments = (await readdir(dataDir)).filter((f) => f.startsWith('log-'));
  expect(segments).toEqual([`log-${String((snapshot?.seq ?? 0) + 1).padStart(12, '0')}.jsonl`]);

  const recovered = new Engine();
  await recoverInto(recovered, dataDir);
  expect(JSON.parse(JSON.stringify(recovered.state))).toEqual(state);
  expect(recovered.timerQueue.size).toBe(Object.keys(recovered.state.timers).length);
});
