// Publishing lints on the server with the modeler's rules for the engine's Zeebe version (8.3): a draft whose
// diagram uses a later feature is refused over HTTP with the element named, and nothing is published.
import { ApiClient } from '../server/support/api-client';
import { startTestSystem, type TestSystem } from '../server/support/test-system';
import { createTestProcedureBody, intakeDiagram, testProcedureCode } from '../e2e/designer-fixtures';

// Execution listeners arrived in Zeebe 8.6; the properties panel offers them, the engine does not run them.
const withExecutionListener = intakeDiagram.replace(
  '<zeebe:taskDefinition type="dossier.intake" retries="3" />',
  '<zeebe:taskDefinition type="dossier.intake" retries="3" /><zeebe:executionListeners><zeebe:executionListener eventType="start" type="dossier.notify" /></zeebe:executionListeners>',
);

let system: TestSystem;
const vi = new ApiClient(() => system.url, 'vi');
const en = new ApiClient(() => system.url, 'en');

beforeAll(async () => {
  system = await startTestSystem();
  const { password } = system.logins.thietke!;
  expect((await vi.login('thietke', password)).status).toBe(200);
  expect((await en.login('thietke', password)).status).toBe(200);
  const created = await vi.post('/api/procedures', {
    ...createTestProcedureBody,
    version: { ...createTestProcedureBody.version, bpmnXml: withExecutionListener },
  });
  expect(created.status).toBe(201);
});

afterAll(() => system.close());

const publishPath = (version: number) =>
  `/api/designer/procedures/${testProcedureCode}/versions/${version}/publish`;

test('a diagram using a Zeebe 8.6 feature is refused naming the element by name and id, in Vietnamese', async () => {
  const refused = await vi.post(publishPath(1));
  expect(refused.status).toBe(422);
  expect(refused.body.error.code).toBe('validation_failed');
  const fields = refused.body.error.fields as { path: string; message: string }[];
  expect(fields).toEqual([
    {
      path: 'bpmnXml#Intake',
      message: expect.stringMatching(
        /^Phần tử "Tiếp nhận hồ sơ" \(Intake\) không đạt kiểm tra Zeebe 8\.3 \(quy tắc camunda-compat\/no-execution-listeners\): .*only supported by Camunda 8\.6/,
      ),
    },
  ]);
  const inEnglish = await en.post(publishPath(1));
  expect(inEnglish.body.error.fields[0].message).toMatch(
    /^Element "Tiếp nhận hồ sơ" \(Intake\) fails the Zeebe 8\.3 check/,
  );

  const versions = await vi.get(`/api/designer/procedures/${testProcedureCode}/versions`);
  expect(versions.body.publishedVersion ?? null).toBeNull();
  expect(versions.body.versions.map((v: { status: string }) => v.status)).toEqual(['draft']);
});

test('a diagram that lints clean gets past the lint to the deploy step', async () => {
  const added = await vi.post(`/api/procedures/${testProcedureCode}/versions`, {
    ...createTestProcedureBody.version,
    changelog: 'Bỏ trình nghe sự kiện',
  });
  expect(added.status).toBe(201);
  // This system runs without an engine: refused at the deploy step, after lint and the schema checks passed.
  const attempt = await vi.post(publishPath(2));
  expect(attempt.status).toBe(503);
  expect(attempt.body.error.code).toBe('engine_unavailable');
});
