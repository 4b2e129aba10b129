// storeChanges sees every write a refused request could make, down to what a deep-equal of decoded documents
// misses: a number stored as int64 instead of int32, fields in another order, one byte of a GridFS chunk.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { startDocstore } from '../../embedded/docstore';
import { storeChanges, storeSnapshot } from './support/store-snapshot';

let dataDir: string;
let docstore: Awaited<ReturnType<typeof startDocstore>>;
const { Int32, Long } = mongoose.mongo.BSON;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-snapshot-'));
  docstore = await startDocstore({ port: 0, dbpath: path.join(dataDir, 'docstore') });
  await mongoose.connect(docstore.uri('motcua'), { autoIndex: false });
});
afterAll(async () => {
  await mongoose.disconnect();
  await docstore.close();
  await rm(dataDir, { recursive: true, force: true });
});

const db = () => mongoose.connection.db!;
const collection = (name: string) => db().collection<{ _id: string; [field: string]: unknown }>(name);

test('an untouched store has no changes; added, removed and changed documents are each named', async () => {
  await collection('dossiers').insertMany([
    { _id: 'a', status: new Int32(4), note: 'x' },
    { _id: 'b', status: new Int32(5) },
  ]);
  const before = await storeSnapshot();
  expect(storeChanges(before, await storeSnapshot())).toEqual([]);

  await collection('dossiers').insertOne({ _id: 'c', status: new Int32(1) });
  await collection('dossiers').deleteOne({ _id: 'b' });
  await collection('dossiers').updateOne({ _id: 'a' }, { $set: { note: 'y' } });
  await collection('audits').insertOne({ _id: 'new collection' });
  const changes = storeChanges(before, await storeSnapshot());
  expect(changes.map(({ collection, _id, change }) => [collection, _id, change]).sort()).toEqual([
    ['audits', '"new collection"', 'added'],
    ['dossiers', '"a"', 'changed'],
    ['dossiers', '"b"', 'removed'],
    ['dossiers', '"c"', 'added'],
  ]);
});

// int64 rather than double: the embedded store keeps an integral double as int32 (MongoDB keeps the double).
test('a change of BSON type or of field order is a change', async () => {
  await collection('types').insertOne({ _id: 'n', status: new Int32(4), first: 1, second: 2 });
  const before = await storeSnapshot();
  await collection('types').replaceOne({ _id: 'n' }, { status: Long.fromNumber(4), first: 1, second: 2 });
  expect(storeChanges(before, await storeSnapshot())).toHaveLength(1);
  const retyped = await storeSnapshot();
  await collection('types').replaceOne({ _id: 'n' }, { status: Long.fromNumber(4), second: 2, first: 1 });
  expect(storeChanges(retyped, await storeSnapshot())).toHaveLength(1);
});

test('one byte of a stored file is a change', async () => {
  const bucket = new mongoose.mongo.GridFSBucket(db(), { bucketName: 'documents' });
  const upload = bucket.openUploadStream('scan.png');
  await new Promise((resolve, reject) =>
    upload.once('finish', resolve).once('error', reject).end(Buffer.from('abc')),
  );
  const before = await storeSnapshot();
  await db()
    .collection('documents.chunks')
    .updateOne({ files_id: upload.id }, { $set: { data: new mongoose.mongo.Binary(Buffer.from('abd')) } });
  expect(storeChanges(before, await storeSnapshot()).map((c) => c.collection)).toEqual(['documents.chunks']);
});
