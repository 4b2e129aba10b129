// Durability: the engine runs as its own process (the CLI); after SIGTERM (snapshot) and after kill -9
// (log replay) every instance continues: activated jobs time out and come back, timers fire, message
// subscriptions and buffered messages are kept, and nothing acknowledged is lost or completed twice.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ZBClient } from 'zeebe-node';
import type { InspectionEndpoint } from '../../../embedded/zeebe';
import { advanceClock, inspectJson } from './inspect-client';
import { activate, bpmn, chain, end, errorOf, flow, nextJob, start, task } from './support';

jest.setTimeout(60_000);

interface Running {
  child: ChildProcess;
  address: string;
  inspection: InspectionEndpoint;
}

const ROOT = path.join(__dirname, '..', '..', '..');

function launch(dataDir: string): Promise<Running> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(ROOT, 'embedded', 'zeebe', 'cli.ts'),
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--inspect-port',
      '0',
      '--data-dir',
      dataDir,
      '--clock',
      'controlled',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /gRPC (\S+), inspection (\S+) \(token in (\S+)\)/.exec(out);
      if (m)
        readFile(m[3] as string, 'utf8').then((token) => {
          const url = m[2] as string;
          const inspection = { url, port: Number(new URL(url).port), token: token.trim() };
          resolve({ child, address: m[1] as string, inspection });
        }, reject);
    });
    child.once('exit', (code) => reject(new Error(`engine exited with ${code}: ${out}`)));
  });
}

function stop(running: Running, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    running.child.once('exit', () => resolve());
    running.child.kill(signal);
  });
}

function advance(running: Running, ms: number): Promise<void> {
  return advanceClock(running.inspection, ms);
}

const message =
  '<bpmn:message id="m" name="resume"><bpmn:extensionElements><zeebe:subscription correlationKey="=k" /></bpmn:extensionElements></bpmn:message>';
const timerCatch =
  '<bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>';
const model = bpmn(
  'durable',
  `${start()}<bpmn:exclusiveGateway id="route" default="toWork" />${task('work', 'durable-work')}${timerCatch}
   <bpmn:intermediateCatchEvent id="msg"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>
   ${task('after', 'durable-after')}${end()}
   ${chain('start', 'route')}${flow('toWork', 'route', 'work')}${flow('toTimer', 'route', 'wait', '=path = "timer"')}${flow('toMsg', 'route', 'msg', '=path = "message"')}
   ${flow('w1', 'work', 'after')}${flow('w2', 'wait', 'after')}${flow('w3', 'msg', 'after')}${flow('w4', 'after', 'end')}`,
  message,
);

let dataDir: string;
let running: Running | undefined;
let zbc: ZBClient | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'engine-durable-'));
});
afterAll(async () => {
  await zbc?.close();
  if (running && running.child.exitCode === null) await stop(running, 'SIGTERM');
  await rm(dataDir, { recursive: true, force: true });
});

async function connect(): Promise<ZBClient> {
  await zbc?.close();
  running = await launch(dataDir);
  zbc = new ZBClient(running.address, { usePlainText: true, loglevel: 'NONE' } as never);
  return zbc;
}

test('instances, jobs, timers, subscriptions and buffered messages survive SIGTERM and kill -9', async () => {
  let client = await connect();
  await client.deployResource({ name: 'durable.bpmn', process: Buffer.from(model) });
  const done = await client.createProcessInstance({ bpmnProcessId: 'durable', variables: { path: 'work' } });
  const doneJob = await nextJob(client, 'durable-work');
  await client.completeJob({ jobKey: doneJob.key, variables: { finished: true } });
  const afterDone = await nextJob(client, 'durable-after');

  // Graceful stop writes a snapshot.
  await stop(running as Running, 'SIGTERM');
  client = await connect();

  const held = await client.createProcessInstance({ bpmnProcessId: 'durable', variables: { path: 'work' } });
  const [heldJob] = await activate(client, 'durable-work', { timeout: 60000 });
  expect(heldJob?.processInstanceKey).toBe(held.processInstanceKey);
  const timed = await client.createProcessInstance({
    bpmnProcessId: 'durable',
    variables: { path: 'timer' },
  });
  const waiting = await client.createProcessInstance({
    bpmnProcessId: 'durable',
    variables: { path: 'message', k: 'live' },
  });
  await client.publishMessage({
    name: 'resume',
    correlationKey: 'buffered',
    timeToLive: 7200000,
    variables: { b: 1 },
  });

  // Crash: no snapshot, only the log.
  await stop(running as Running, 'SIGKILL');
  client = await connect();

  const view = await inspectJson<{ state: string }>(
    (running as Running).inspection,
    `/process-instances/${done.processInstanceKey}`,
  );
  expect(view.state).toBe('ACTIVE');
  expect((await errorOf(client.completeJob({ jobKey: doneJob.key, variables: {} }))).code).toBe(5);
  await client.completeJob({ jobKey: afterDone.key, variables: {} });

  // The activated job is still held by its (dead) worker until its deadline passes.
  expect(await activate(client, 'durable-work')).toEqual([]);
  await advance(running as Running, 60000);
  const [back] = await activate(client, 'durable-work');
  expect(back?.key).toBe(heldJob?.key);
  await client.completeJob({ jobKey: back?.key as string, variables: {} });

  // The timer is still scheduled (1 h after creation) and fires once due.
  await advance(running as Running, 3600000);
  await client.publishMessage({ name: 'resume', correlationKey: 'live', variables: { m: 1 } });
  const afters = [
    await nextJob(client, 'durable-after'),
    await nextJob(client, 'durable-after'),
    await nextJob(client, 'durable-after'),
  ];
  expect(afters.map((j) => j.processInstanceKey).sort()).toEqual(
    [held.processInstanceKey, timed.processInstanceKey, waiting.processInstanceKey].sort(),
  );
  expect(afters.find((j) => j.processInstanceKey === waiting.processInstanceKey)?.variables.m).toBe(1);

  // The buffered message (TTL 2 h, published before the crash) is still there for a new subscription.
  await client.createProcessInstance({
    bpmnProcessId: 'durable',
    variables: { path: 'message', k: 'buffered' },
  });
  const late = await nextJob(client, 'durable-after');
  expect(late.variables.b).toBe(1);
  const instances = await inspectJson<unknown[]>(
    (running as Running).inspection,
    '/process-instances?bpmnProcessId=durable',
  );
  expect(instances).toHaveLength(5);
});
