// The engine's command log rotating while commands keep arriving (a snapshot under load): every acknowledged
// record is on disk once, in order, and each segment holds only records from its name's start up to the next
// segment's start — what dropping covered segments after a snapshot relies on.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CommandLog, readRecords } from '../../../embedded/zeebe/store/command-log';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'command-log-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

test('rotating under a stream of appends loses, repeats and misplaces no record', async () => {
  const log = new CommandLog(dir);
  await log.open(1);
  let appending = true;
  const acknowledged: Promise<void>[] = [];
  const appender = (async () => {
    for (let n = 0; appending; n++) {
      log.append({ n });
      if (n % 3 === 0) acknowledged.push(log.durable());
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  for (let i = 0; i < 40; i++) await log.rotate();
  appending = false;
  await appender;
  await Promise.all(acknowledged);
  await log.close();

  const records = await readRecords(dir, 0);
  expect(records.map((r) => r.seq)).toEqual(Array.from({ length: log.seq }, (_, i) => i + 1));
  const segments = (await readdir(dir)).filter((f) => /^log-\d+\.jsonl$/.test(f)).sort();
  expect(segments.length).toBeGreaterThan(10);
  const starts = segments.map((f) => Number(/\d+/.exec(f)![0]));
  for (const [i, file] of segments.entries()) {
    const seqs = (await readFile(path.join(dir, file), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { seq: number }).seq);
    for (const seq of seqs) {
      expect(seq).toBeGreaterThanOrEqual(starts[i]!);
      if (i + 1 < starts.length) expect(seq).toBeLessThan(starts[i + 1]!);
    }
  }
});
