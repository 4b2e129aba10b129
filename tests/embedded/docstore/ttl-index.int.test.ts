// TTL indexes on the embedded store (mongod's monitor runs only every 60 s, so this case uses the embedded
// store with a short sweep interval, also when MONGODB_URI is set): expired documents are deleted, the rest stay.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { startDocstore } from '../../../embedded/docstore';

test('documents whose TTL date has passed are deleted by the monitor', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'docstore-ttl-'));
  const docstore = await startDocstore({ port: 0, dbpath: dir, ttlMonitorIntervalMs: 50 });
  const client = await MongoClient.connect(docstore.uri('ttl'));
  try {
    const sessions = client.db('ttl').collection('sessions');
    await sessions.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
    const now = Date.now();
    await sessions.insertMany([
      { name: 'expired', expiresAt: new Date(now - 60_000) },
      { name: 'live', expiresAt: new Date(now + 3_600_000) },
      { name: 'no date', expiresAt: 'not a date' },
      { name: 'missing' },
    ]);
    while ((await sessions.countDocuments({ name: 'expired' })) > 0)
      await new Promise((r) => setTimeout(r, 20));
    expect((await sessions.find({}).sort({ name: 1 }).toArray()).map((d) => d.name)).toEqual([
      'live',
      'missing',
      'no date',
    ]);
  } finally {
    await client.close();
    await docstore.close();
    await rm(dir, { recursive: true, force: true });
  }
});
