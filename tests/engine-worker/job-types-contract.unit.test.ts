// Every job type of processes/CONTRACT.md has a worker in the registration list the workers' process runs
// (engine-worker/index.ts jobDefinitions), and every registered worker's type is in the contract: a job type
// added on one side only fails here instead of leaving a model's jobs waiting with no worker.
import { jobDefinitions } from '../../engine-worker';
import { createOutbox } from '../../engine-worker/notification-outbox';
import type { WorkerDeps } from '../../engine-worker/worker-deps';
import { createLogger } from '../../server/config/logger';
import { readContract } from '../processes/contract';

/** Listing the definitions must not touch the engine; any use of it here is a bug worth failing on. */
const engineNotUsedWhileListing = new Proxy(
  {},
  {
    get(_target, property) {
      throw new Error(`jobDefinitions used the engine (${String(property)}) while only listing job types`);
    },
  },
) as WorkerDeps['engine'];

const registered = jobDefinitions({
  engine: engineNotUsedWhileListing,
  outbox: createOutbox({ mailConfigured: false }),
  logger: createLogger('error'),
  publicUrl: 'http://localhost:3000',
}).map((definition) => definition.type);
const contracted = [...readContract().jobTypes.keys()];

test('the contract names job types, and the workers register some', () => {
  expect(contracted.length).toBeGreaterThan(0);
  expect(registered.length).toBeGreaterThan(0);
});

test('every job type of CONTRACT.md has a registered worker', () => {
  expect(contracted.filter((type) => !registered.includes(type))).toEqual([]);
});

test('every registered worker has a row in CONTRACT.md', () => {
  expect(registered.filter((type) => !contracted.includes(type))).toEqual([]);
});

test('no job type is registered twice (two workers would compete for the same jobs)', () => {
  expect(registered.filter((type, i) => registered.indexOf(type) !== i)).toEqual([]);
});
