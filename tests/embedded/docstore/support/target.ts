// The store a conformance test talks to: the embedded docstore in a fresh temp dir by default, or the real
// MongoDB at MONGODB_URI when set, so the same cases prove the two agree. Each test file gets its own database.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import { startDocstore } from '../../../../embedded/docstore';

export interface Target {
  /** Connection string for a database of this target. */
  uri(db: string): string;
  dbName: string;
  client: MongoClient;
  db: Db;
  /** True when running against the embedded store (restart and crash tests need it). */
  embedded: boolean;
  close(): Promise<void>;
}

export const realMongoUri = process.env.MONGODB_URI;

export function withDatabase(uri: string, db: string): string {
  const url = new URL(uri);
  url.pathname = `/${db}`;
  return url.toString();
}

export async function startTarget(): Promise<Target> {
  const dbName = `conformance_${randomBytes(4).toString('hex')}`;
  if (realMongoUri) {
    const uri = (db: string) => withDatabase(realMongoUri, db);
    const client = await MongoClient.connect(uri(dbName));
    return {
      uri,
      dbName,
      client,
      db: client.db(dbName),
      embedded: false,
      async close() {
        await client.db(dbName).dropDatabase();
        await client.close();
      },
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'docstore-test-'));
  const docstore = await startDocstore({ port: 0, dbpath: dir });
  const client = await MongoClient.connect(docstore.uri(dbName));
  return {
    uri: (db) => docstore.uri(db),
    dbName,
    client,
    db: client.db(dbName),
    embedded: true,
    async close() {
      await client.close();
      await docstore.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
