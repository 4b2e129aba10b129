// Publishing against the embedded engine (in this process, as `npm start` runs it): a diagram whose FEEL loops
// on constants, does not parse, or whose timer fires more often than the floor is refused with 422 naming the
// element by name and id, nothing is published, and the API's event loop is not stalled meanwhile.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEngine, type RunningEngine } from '../../embedded/zeebe';
import { createEngineClient, type EngineClient } from '../../server/engine/engine-client';
import { ApiClient } from '../server/support/api-client';
import { startTestSystem, type TestSystem } from '../server/support/test-system';
import { createTestProcedureBody, intakeDiagram, testProcedureCode } from '../e2e/designer-fixtures';

const TASK_DEFINITION = '<zeebe:taskDefinition type="dossier.intake" retries="3" />';
const withInput = (source: string) =>
  intakeDiagram.replace(
    TASK_DEFINITION,
    `${TASK_DEFINITION}<zeebe:ioMapping><zeebe:input source="${source}" target="n" /></zeebe:ioMapping>`,
  );
const withStartCycle = (cycle: string) =>
  intakeDiagram.replace(
    '<bpmn:outgoing>Flow_1</bpmn:outgoing>\n    </bpmn:startEvent>',
    `<bpmn:outgoing>Flow_1</bpmn:outgoing><bpmn:timerEventDefinition id="Cycle"><bpmn:timeCycle xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="bpmn:tFormalExpression">${cycle}</bpmn:timeCycle></bpmn:timerEventDefinition>\n    </bpmn:startEvent>`,
  );

let engineDir: string;
let engine: RunningEngine;
let client: EngineClient;
let system: TestSystem;
const vi = new ApiClient(() => system.url, 'vi');
let nextVersion = 2;

beforeAll(async () => {
  engineDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-publish-feel-'));
  engine = await startEngine({ port: 0, inspectPort: 0, dataDir: engineDir });
  client = createEngineClient(engine.address, { secure: false });
  system = await startTestSystem({ engine: client });
  expect((await vi.login('thietke', system.logins.thietke!.password)).status).toBe(200);
  expect((await vi.post('/api/procedures', createTestProcedureBody)).status).toBe(201);
  const first = await vi.post(`/api/designer/procedures/${testProcedureCode}/versions/1/publish`);
  expect(first.status).toBe(200);
});

afterAll(async () => {
  await system.close();
  await client.close();
  await engine.close();
  await rm(engineDir, { recursive: true, force: true });
});

/** Adds a draft version with the diagram and publishes it. */
async function publish(bpmnXml: string) {
  const added = await vi.post(`/api/procedures/${testProcedureCode}/versions`, {
    ...createTestProcedureBody.version,
    bpmnXml,
    changelog: `Phiên bản ${nextVersion}`,
  });
  expect(added.status).toBe(201);
  const version = nextVersion++;
  const response = await vi.post(`/api/designer/procedures/${testProcedureCode}/versions/${version}/publish`);
  return { version, response };
}

async function statusOf(version: number): Promise<string> {
  const listed = await vi.get(`/api/designer/procedures/${testProcedureCode}/versions`);
  return listed.body.versions.find((v: { version: number }) => v.version === version).status;
}

/** The longest a 5 ms timer on this event loop (the API's and the engine's) came late while `action` ran. */
async function loopStallDuring<T>(action: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let worst = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 5);
    last = now;
  }, 5);
  try {
    const result = await action();
    return { result, stallMs: worst };
  } finally {
    clearInterval(probe);
  }
}

test('an expression that loops on constants: 422 naming the element, no stall, nothing published', async () => {
  const { result, stallMs } = await loopStallDuring(() =>
    publish(withInput('=count(for i in 1..3000000 return i)')),
  );
  expect(result.response.status).toBe(422);
  expect(result.response.body.error.code).toBe('validation_failed');
  expect(result.response.body.error.fields).toEqual([
    {
      path: 'bpmnXml#Intake',
      message: expect.stringMatching(
        /^Phần tử "Tiếp nhận hồ sơ" \(Intake\) bị bộ máy quy trình từ chối: failed to evaluate expression 'count\(for i in 1\.\.3000000 return i\)': the evaluation took longer than 25 ms/,
      ),
    },
  ]);
  // A generous bound (the machine may be loaded, and publishing also lints): nothing ran for seconds, as the
  // deploy's evaluation did before (2.2 s), not a performance target.
  expect(stallMs).toBeLessThan(1000);
  expect(await statusOf(result.version)).toBe('draft');
});

test('a FEEL syntax error the lint finds: 422 naming the element', async () => {
  const { version, response } = await publish(withInput('=amount +'));
  expect(response.status).toBe(422);
  expect(response.body.error.fields).toEqual([
    {
      path: 'bpmnXml#Intake',
      message:
        'Phần tử "Tiếp nhận hồ sơ" (Intake) không đạt kiểm tra Zeebe 8.3 (quy tắc camunda-compat/feel): Property <source> is not a valid FEEL expression',
    },
  ]);
  expect(await statusOf(version)).toBe('draft');
});

// The modeler's lint (camunda dialect) takes backtick names; the engine's FEEL does not parse them. Whatever the
// engine refuses in a diagram is the designer's to fix: 422, not 502 engine_rejected.
test('FEEL the engine cannot parse: 422 naming the element (was 502 engine_rejected)', async () => {
  const { version, response } = await publish(withInput('=`so ho so`'));
  expect(response.status).toBe(422);
  expect(response.body.error.fields).toEqual([
    {
      path: 'bpmnXml#Intake',
      message: expect.stringMatching(
        /^Phần tử "Tiếp nhận hồ sơ" \(Intake\) bị bộ máy quy trình từ chối: failed to parse expression '`so ho so`'/,
      ),
    },
  ]);
  expect(await statusOf(version)).toBe('draft');
});

test.each([['R/PT5S'], ['="R5/PT30S"'], ['0/10 * * * * ?']])(
  'a timer cycle %s, shorter than a minute: 422 naming the element',
  async (cycle) => {
    const { version, response } = await publish(withStartCycle(cycle));
    expect(response.status).toBe(422);
    const shown = cycle.startsWith('=') ? 'R5/PT30S' : cycle;
    expect(response.body.error.fields).toEqual([
      {
        path: 'bpmnXml#StartEvent_1',
        message: `Phần tử "Nộp hồ sơ" (StartEvent_1) có chu kỳ hẹn giờ "${shown}" ngắn hơn mức tối thiểu 1 phút`,
      },
    ]);
    expect(await statusOf(version)).toBe('draft');
  },
);

test('a timer cycle of a minute and a cheap expression publish', async () => {
  const { version, response } = await publish(
    withInput('=dossierCode').replace(
      '<bpmn:outgoing>Flow_1</bpmn:outgoing>\n    </bpmn:startEvent>',
      '<bpmn:outgoing>Flow_1</bpmn:outgoing><bpmn:timerEventDefinition id="Cycle"><bpmn:timeCycle xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="bpmn:tFormalExpression">R/PT1M</bpmn:timeCycle></bpmn:timerEventDefinition>\n    </bpmn:startEvent>',
    ),
  );
  expect(response.status).toBe(200);
  expect(await statusOf(version)).toBe('published');
});
