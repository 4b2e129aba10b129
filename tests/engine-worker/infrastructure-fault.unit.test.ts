// The fault policy of every job: an unreachable store or engine keeps the job's retries with a back-off from 1 s
// doubling to 5 min, until the fault has lasted past the budget; a real fault spends a retry, as before.
import { MongoNetworkError, MongoServerError } from 'mongodb';
import { failureFor, FAULT_VARIABLE } from '../../engine-worker/infrastructure-fault';
import { EngineError } from '../../server/engine/engine-errors';

const policy = { budgetMs: 15 * 60_000 };
const start = Date.parse('2026-12-02T03:00:00Z');

/** Fails the same job again and again for `error`, `everyMs` apart, as its worker would. */
function failRepeatedly(error: unknown, times: number, everyMs: number) {
  let job = { retries: 3, variables: {} as Record<string, unknown> };
  const failures = [];
  for (let i = 0; i < times; i++) {
    const failure = failureFor(error, job, policy, start + i * everyMs);
    failures.push(failure);
    job = { retries: failure.retries, variables: { ...job.variables, ...failure.variables } };
  }
  return failures;
}

test('a store that refuses connections keeps the retries, with a back-off doubling from 1 s to 5 min', () => {
  const failures = failRepeatedly(new MongoNetworkError('connect ECONNREFUSED 127.0.0.1:27117'), 12, 1_000);
  expect(failures.map((f) => f.retries)).toEqual(Array(12).fill(3));
  expect(failures.map((f) => f.retryBackOff)).toEqual([
    1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000, 300_000,
  ]);
  expect(failures.at(-1)!.variables[FAULT_VARIABLE]).toEqual({ since: start, attempts: 12 });
});

test('an engine that is unavailable or times out, and mongoose’s buffering timeout, are infrastructure', () => {
  const errors = [
    Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 }),
    Object.assign(new Error('4 DEADLINE_EXCEEDED'), { code: 4 }),
    new EngineError('unavailable', 'engine down', 14),
    Object.assign(new Error('Operation `dossiers.findOne()` buffering timed out after 10000ms'), {
      name: 'MongooseError',
    }),
    Object.assign(new Error('Server selection timed out after 5000 ms'), {
      name: 'MongooseServerSelectionError',
    }),
    new Error('write failed', { cause: new MongoNetworkError('socket closed') }),
  ];
  for (const error of errors)
    expect(failRepeatedly(error, 1, 0)[0]).toMatchObject({ retries: 3, infrastructure: true });
});

test('a fault that lasts past the budget spends the retries as a real fault, down to an incident', () => {
  const failures = failRepeatedly(new MongoNetworkError('connect ECONNREFUSED'), 20, 60_000);
  const spent = failures.filter((f) => !f.infrastructure);
  expect(failures.slice(0, 15).every((f) => f.retries === 3)).toBe(true);
  expect(spent.map((f) => f.retries).slice(0, 3)).toEqual([2, 1, 0]);
});

test('a real fault spends a retry with the 2 s back-off, and clears a running infrastructure fault', () => {
  const [infrastructure] = failRepeatedly(new MongoNetworkError('socket closed'), 1, 0);
  const real = failureFor(
    new Error('Task Review lacks the header formKey'),
    { retries: 3, variables: { ...infrastructure!.variables } },
    policy,
    start + 5_000,
  );
  expect(real).toMatchObject({ retries: 2, retryBackOff: 2_000, infrastructure: false });
  expect(real.variables).toEqual({ [FAULT_VARIABLE]: null });
  expect(failureFor(new Error('bad'), { retries: 1, variables: {} }, policy)).toMatchObject({
    retries: 0,
    variables: {},
  });
});

test('a replica set electing a primary is infrastructure; a duplicate key or a type mismatch of the store is not', () => {
  const server = (code: number, errorLabels: string[] = []) =>
    new MongoServerError({ message: `code ${code}`, code, errorLabels });
  expect(failRepeatedly(server(10107), 1, 0)[0]).toMatchObject({ retries: 3, infrastructure: true });
  expect(failRepeatedly(server(91), 1, 0)[0]).toMatchObject({ retries: 3, infrastructure: true });
  expect(failRepeatedly(server(1, ['RetryableWriteError']), 1, 0)[0]).toMatchObject({ infrastructure: true });
  expect(failRepeatedly(server(11000), 1, 0)[0]).toMatchObject({ retries: 2, infrastructure: false });
  expect(failRepeatedly(server(14), 1, 0)[0]).toMatchObject({ retries: 2, infrastructure: false });
});
