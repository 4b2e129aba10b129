// A worker closed while it still holds a job must not leave its long poll open: the engine would hand the
// next job to a worker that drops it, and the job would stay locked until its timeout.
import { closeWorker } from '../../engine-worker/close-worker';
import { chain, end, start, task, useHarness } from '../embedded/zeebe/support';
import { eventually } from './lifecycle-system';

const h = useHarness((h) =>
  h.deploy('close', `${start()}${task('a', 'close-a')}${end()}${chain('start', 'a', 'end')}`),
);

test('a worker closed while it holds a job hands no later job to its dropped long poll', async () => {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const takenByClosing: string[] = [];
  const closing = h.zbc.createWorker({
    taskType: 'close-a',
    timeout: 60_000,
    longPoll: 30_000,
    pollInterval: 50,
    loglevel: 'NONE',
    taskHandler: async (job) => {
      takenByClosing.push(job.key);
      await released;
      return job.complete();
    },
  });
  await h.zbc.createProcessInstance({ bpmnProcessId: 'close', variables: {} });
  await eventually('the first job held by the closing worker', async () => takenByClosing.length === 1);
  // zeebe-node re-polls while it holds fewer jobs than its threshold: a long poll is waiting now.
  await new Promise((r) => setTimeout(r, 300));
  const closed = closeWorker(closing, 5_000);
  release();
  await closed;

  const takenByNext: string[] = [];
  const next = h.zbc.createWorker({
    taskType: 'close-a',
    timeout: 60_000,
    loglevel: 'NONE',
    taskHandler: (job) => {
      takenByNext.push(job.key);
      return job.complete();
    },
  });
  try {
    const second = await h.zbc.createProcessInstance({ bpmnProcessId: 'close', variables: {} });
    await eventually(
      'the second job handed to the next worker',
      async () => takenByNext.length === 1,
      10_000,
    );
    const jobs = await h.inspect<{ processInstanceKey: string }[]>('/jobs');
    expect(jobs.filter((j) => j.processInstanceKey === second.processInstanceKey)).toEqual([]);
    expect(takenByClosing).toHaveLength(1);
  } finally {
    await closeWorker(next);
  }
});
