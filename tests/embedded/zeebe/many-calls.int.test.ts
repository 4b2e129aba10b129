// More than 5,000 calls through one zeebe-node client: the grpc-js override keeps the HTTP/2 session healthy
// (grpc-js 1.9.7, pinned by zeebe-node 8.3.2, fails after about 1,000 calls on this Node version).
import { chain, end, start, useHarness, task } from './support';

jest.setTimeout(120_000);

const h = useHarness();

test('5,200 calls over one client: creates, activations and completions all succeed', async () => {
  await h.deploy('many', `${start()}${task('a', 'many-a')}${end()}${chain('start', 'a', 'end')}`);
  const grpc = (
    h.zbc as unknown as { grpc: { activateJobsStream(req: unknown): Promise<NodeJS.EventEmitter> } }
  ).grpc;
  let calls = 0;
  let completed = 0;
  for (let round = 0; round < 65; round++) {
    const creates = Array.from({ length: 40 }, (_, i) =>
      h.zbc.createProcessInstance({ bpmnProcessId: 'many', variables: { round, i } }),
    );
    await Promise.all(creates);
    calls += creates.length;
    const stream = await grpc.activateJobsStream({
      type: 'many-a',
      worker: 'many',
      timeout: 60000,
      maxJobsToActivate: 40,
      fetchVariable: [],
      requestTimeout: -1,
      tenantIds: [],
    });
    calls++;
    const keys = await new Promise<string[]>((resolve, reject) => {
      const out: string[] = [];
      stream.on('data', (res: { jobs: Array<{ key: string }> }) => out.push(...res.jobs.map((j) => j.key)));
      stream.on('end', () => resolve(out));
      stream.on('error', reject);
    });
    expect(keys).toHaveLength(40);
    await Promise.all(keys.map((jobKey) => h.zbc.completeJob({ jobKey, variables: { done: true } })));
    calls += keys.length;
    completed += keys.length;
  }
  expect(calls).toBeGreaterThan(5000);
  expect(completed).toBe(2600);
  const done = await h.inspect<unknown[]>('/process-instances?bpmnProcessId=many&state=COMPLETED');
  expect(done.length).toBeGreaterThan(1900);
});
