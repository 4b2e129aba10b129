// The due-time queue: earliest due first, oldest key on a tie, entries the state no longer backs skipped.
import { DueQueue } from '../../../../embedded/zeebe/engine/due-queue';

function drain(queue: DueQueue, valid: (due: number, key: number) => boolean = () => true): number[][] {
  const out: number[][] = [];
  for (let next = queue.peek(valid); next; next = queue.peek(valid)) {
    out.push([next.due, next.key]);
    queue.pop();
  }
  return out;
}

test('pops by due time, then by key, whatever the order of pushing', () => {
  const queue = new DueQueue();
  const entries: Array<[number, number]> = [];
  for (let key = 1; key <= 500; key++) entries.push([(key * 7919) % 97, 1000 - key]);
  for (const [due, key] of entries) queue.push(due, key);
  const expected = [...entries].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  expect(drain(queue)).toEqual(expected);
  expect(queue.size).toBe(0);
});

test('skips and drops the entries the state no longer backs', () => {
  const queue = new DueQueue();
  const current = new Map([
    [1, 30],
    [2, 10],
  ]);
  queue.push(5, 1); // moved on to 30
  queue.push(10, 2);
  queue.push(30, 1);
  queue.push(20, 3); // gone
  expect(drain(queue, (due, key) => current.get(key) === due)).toEqual([
    [10, 2],
    [30, 1],
  ]);
});
