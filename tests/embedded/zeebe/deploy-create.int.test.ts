// Spec §5 scenarios 1–5 and 40: topology, deployment, versioning, validation, creation errors, tenants.
import path from 'node:path';
import { bpmn, chain, end, errorOf, start, useHarness, task } from './support';

const h = useHarness();

const FIXTURE = path.join(__dirname, 'fixtures', 'three-tasks.bpmn');

test('1. topology: one broker, partition 1 leader and healthy, gateway 8.3', async () => {
  const topology = await h.zbc.topology();
  expect(topology.brokers).toHaveLength(1);
  expect(topology.brokers[0]?.partitions[0]).toMatchObject({
    partitionId: 1,
    role: 'LEADER',
    health: 'HEALTHY',
  });
  expect(topology.gatewayVersion).toMatch(/^8\.3/);
  expect(topology.partitionsCount).toBe(1);
});

test('2. deployResource by filename: version 1, key string, resourceName as sent, default tenant', async () => {
  const result = await h.zbc.deployResource({ processFilename: FIXTURE });
  const process = (result.deployments[0] as unknown as { process: Record<string, unknown> }).process;
  expect(process).toMatchObject({
    bpmnProcessId: 'three-tasks',
    version: 1,
    resourceName: FIXTURE,
    tenantId: '<default>',
  });
  expect(typeof process.processDefinitionKey).toBe('string');
  expect(BigInt(process.processDefinitionKey as string) >= 2251799813685249n).toBe(true);
});

test('3. redeploy same bytes and name → same version; a changed byte → v2; create picks v2 or v1', async () => {
  const body = `${start()}${task('a', 'ver-a')}${end()}${chain('start', 'a', 'end')}`;
  const k1 = await h.deploy('ver', body);
  const again = await h.deploy('ver', body);
  expect(again).toBe(k1);
  const k2 = await h.deploy('ver', `${body}<!-- changed -->`);
  expect(k2).not.toBe(k1);
  const latest = await h.zbc.createProcessInstance({ bpmnProcessId: 'ver', variables: {} });
  expect(latest.version).toBe(2);
  expect(latest.processDefinitionKey).toBe(k2);
  const v1 = await h.zbc.createProcessInstance({ bpmnProcessId: 'ver', variables: {}, version: 1 });
  expect(v1.processDefinitionKey).toBe(k1);
});

test('4. deploy with a task-definition-less service task: code 3, layout kept, nothing deployed', async () => {
  const good = bpmn('good4', `${start()}${end()}${chain('start', 'end')}`);
  const bad = bpmn('bad4', `${start()}<bpmn:serviceTask id="task" />${chain('start', 'task')}`);
  const grpc = (h.zbc as unknown as { grpc: { deployResourceSync(req: unknown): Promise<unknown> } }).grpc;
  const error = await errorOf(
    grpc.deployResourceSync({
      resources: [
        { name: 'good4.bpmn', content: Buffer.from(good) },
        { name: 'p.bpmn', content: Buffer.from(bad) },
      ],
      tenantId: '',
    }),
  );
  expect(error.code).toBe(3);
  expect(error.message).toContain(
    "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to deploy new resources, but encountered the following errors:\n'p.bpmn': - Element: task\n    - ERROR: Must have exactly one 'zeebe:taskDefinition' extension element",
  );
  const defs = await h.inspect<Array<{ bpmnProcessId: string }>>('/process-definitions');
  expect(defs.map((d) => d.bpmnProcessId)).not.toContain('good4');
});

test('5. unknown resource type, unknown process id, process without none start', async () => {
  const txt = await errorOf(h.zbc.deployResource({ name: 'x.txt', process: Buffer.from('hello') }));
  expect(txt.code).toBe(3);
  expect(txt.message).toContain("'x.txt': unknown resource type");
  const nope = await errorOf(h.zbc.createProcessInstance({ bpmnProcessId: 'nope', variables: {} }));
  expect(nope.code).toBe(5);
  expect(nope.message).toContain(
    "Expected to find process definition with process ID 'nope', but none found",
  );
  await h.zbc.deployResource({
    name: 'msgstart.bpmn',
    process: Buffer.from(
      bpmn(
        'msgstart',
        `<bpmn:startEvent id="s"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent>${end()}${chain('s', 'end')}`,
        '<bpmn:message id="m" name="go" />',
      ),
    ),
  });
  const noStart = await errorOf(h.zbc.createProcessInstance({ bpmnProcessId: 'msgstart', variables: {} }));
  expect(noStart.code).toBe(9);
  expect(noStart.message).toContain(
    'Expected to create instance of process with none start event, but there is no such event',
  );
});

test('deploy rejects unsupported elements and bad XML with the deploy envelope, never crashing', async () => {
  const unsupported = await errorOf(
    h.zbc.deployResource({
      name: 'cx.bpmn',
      process: Buffer.from(bpmn('cx', `${start()}<bpmn:complexGateway id="cg" />${chain('start', 'cg')}`)),
    }),
  );
  expect(unsupported.code).toBe(3);
  expect(unsupported.message).toContain("Elements of type 'complexGateway' are currently not supported");
  const broken = await errorOf(
    h.zbc.deployResource({ name: 'broken.bpmn', process: Buffer.from('<not-xml') }),
  );
  expect(broken.code).toBe(3);
  expect(broken.message).toContain('Expected to deploy new resources');
  const noCondition = await errorOf(
    h.zbc.deployResource({
      name: 'gw.bpmn',
      process: Buffer.from(
        bpmn(
          'gw',
          `${start()}<bpmn:exclusiveGateway id="g" />${end('e1')}${end('e2')}${chain('start', 'g')}<bpmn:sequenceFlow id="x1" sourceRef="g" targetRef="e1" /><bpmn:sequenceFlow id="x2" sourceRef="g" targetRef="e2" />`,
        ),
      ),
    }),
  );
  expect(noCondition.message).toContain('Must have a condition or be default flow');
});

test('40. tenant "acme" is refused on deploy, create and publish; "<default>" works', async () => {
  const body = bpmn('tenant', `${start()}${end()}${chain('start', 'end')}`);
  const deploy = await errorOf(
    h.zbc.deployResource({ name: 't.bpmn', process: Buffer.from(body), tenantId: 'acme' } as never),
  );
  expect(deploy.code).toBe(3);
  expect(deploy.message).toContain("with tenant identifier 'acme', but multi-tenancy is disabled");
  await h.zbc.deployResource({ name: 't.bpmn', process: Buffer.from(body), tenantId: '<default>' } as never);
  const create = await errorOf(
    h.zbc.createProcessInstance({ bpmnProcessId: 'tenant', variables: {}, tenantId: 'acme' }),
  );
  expect(create.code).toBe(3);
  const ok = await h.zbc.createProcessInstance({
    bpmnProcessId: 'tenant',
    variables: {},
    tenantId: '<default>',
  });
  expect(ok.tenantId).toBe('<default>');
  const publish = await errorOf(
    h.zbc.publishMessage({ name: 'm', correlationKey: 'k', variables: {}, tenantId: 'acme' }),
  );
  expect(publish.code).toBe(3);
});
