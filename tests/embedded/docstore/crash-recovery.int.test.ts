// Durability of the embedded store itself (always the embedded one, also when MONGODB_URI is set): every
// acknowledged write survives kill -9 and a restart, a torn last journal record is dropped, and compaction
// keeps the data.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { connectionString, credentialsFile, startDocstore } from '../../../embedded/docstore';

const root = path.resolve(__dirname, '../../..');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'docstore-crash-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The store's CLI in a child process; its credentials are the ones it generated into dbpath/credentials.json. */
function startChild(dbpath: string): Promise<{ child: ChildProcess; uri: string }> {
  const child = spawn(
    process.execPath,
    // tsx as a loader in the store's own process, so SIGKILL hits the store itself.
    ['--import', 'tsx', 'embedded/docstore/cli.ts', '--port', '0', '--dbpath', dbpath],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on [\d.]+:(\d+)/.exec(out);
      if (match)
        credentialsFile(path.join(dbpath, 'credentials.json')).then(
          (credentials) =>
            resolve({ child, uri: connectionString(`127.0.0.1:${match[1]}`, 'crash', credentials) }),
          reject,
        );
    });
    child.once('exit', (code) => reject(new Error(`docstore exited early with ${code}: ${out}`)));
  });
}

test('every acknowledged write survives kill -9 of the store process', async () => {
  const { child, uri } = await startChild(dir);
  const client = await MongoClient.connect(uri, {
    maxPoolSize: 20,
    serverSelectionTimeoutMS: 1000,
    retryWrites: false,
  });
  const items = client.db('crash').collection<{ _id: number; value: string; version: number }>('items');
  await items.createIndex({ value: 1 }, { unique: true });

  const acknowledged = new Map<number, number>();
  let stop = false;
  const writer = async (worker: number) => {
    for (let i = 0; !stop; i++) {
      const id = worker * 1_000_000 + i;
      try {
        await items.insertOne({ _id: id, value: `v${id}`, version: 1 });
        acknowledged.set(id, 1);
        await items.updateOne({ _id: id }, { $inc: { version: 1 } });
        acknowledged.set(id, 2);
      } catch {
        return; // the store died mid-request: that write was never acknowledged
      }
    }
  };
  const writers = Array.from({ length: 8 }, (_, w) => writer(w));
  while (acknowledged.size < 300) await new Promise((r) => setTimeout(r, 10));
  child.kill('SIGKILL');
  stop = true;
  await Promise.all(writers);
  await client.close(true).catch(() => undefined);
  child.stdout?.destroy();
  await new Promise((r) =>
    child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r),
  );

  const restarted = await startDocstore({ port: 0, dbpath: dir });
  const reader = await MongoClient.connect(restarted.uri('crash'));
  try {
    const docs = await reader.db('crash').collection('items').find().toArray();
    const byId = new Map(docs.map((d) => [d._id as unknown as number, d]));
    for (const [id, version] of acknowledged) {
      const doc = byId.get(id);
      expect(doc?.value).toBe(`v${id}`);
      expect(doc?.version).toBeGreaterThanOrEqual(version);
    }
    const indexes = await reader.db('crash').collection('items').listIndexes().toArray();
    expect(indexes.map((i) => i.name)).toContain('value_1');
    await expect(
      reader
        .db('crash')
        .collection('items')
        .insertOne({ _id: -1, value: 'v0' } as never),
    ).rejects.toMatchObject({ code: 11000 });
  } finally {
    await reader.close();
    await restarted.close();
  }
}, 60_000);

test('a torn last journal record is dropped and the store starts with everything before it', async () => {
  const first = await startDocstore({ port: 0, dbpath: dir });
  const client = await MongoClient.connect(first.uri('torn'));
  await client
    .db('torn')
    .collection('notes')
    .insertMany([{ n: 1 }, { n: 2 }, { n: 3 }]);
  await client.close();
  await first.close();

  const journals = (await readdir(path.join(dir, 'torn'))).filter((f) => f.startsWith('journal.'));
  expect(journals.length).toBeGreaterThan(0);
  // Half a frame: a length promising more bytes than follow, as a crash mid-write leaves it.
  await appendFile(
    path.join(dir, 'torn', journals.at(-1) as string),
    Buffer.from([0xff, 0x00, 0x00, 0x00, 0x12, 0x34]),
  );

  const second = await startDocstore({ port: 0, dbpath: dir });
  const again = await MongoClient.connect(second.uri('torn'));
  try {
    const notes = again.db('torn').collection('notes');
    expect((await notes.find().sort({ n: 1 }).toArray()).map((d) => d.n)).toEqual([1, 2, 3]);
    await notes.insertOne({ n: 4 });
  } finally {
    await again.close();
    await second.close();
  }
  const third = await startDocstore({ port: 0, dbpath: dir });
  const last = await MongoClient.connect(third.uri('torn'));
  try {
    expect(await last.db('torn').collection('notes').countDocuments()).toBe(4);
  } finally {
    await last.close();
    await third.close();
  }
});
