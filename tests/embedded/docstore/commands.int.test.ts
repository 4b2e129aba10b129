// Conformance: handshake and server commands, error shape, find with projections and query operators,
// cursors across several batches, count and distinct.
import type { Collection, Document } from 'mongodb';
import { startTarget, type Target } from './support/target';

let target: Target;
let people: Collection<Document>;

beforeAll(async () => {
  target = await startTarget();
  people = target.db.collection('people');
  await people.insertMany([
    { _id: 1 as never, name: 'An', age: 30, city: 'Hà Nội', tags: ['a', 'b'], address: { ward: 'Hàng Bạc' } },
    { _id: 2 as never, name: 'Bình', age: 45, city: 'Huế', tags: ['b'], address: { ward: 'Phú Hội' } },
    { _id: 3 as never, name: 'Chi', age: 22, city: 'Hà Nội', tags: [], address: { ward: 'Tràng Tiền' } },
    { _id: 4 as never, name: 'Dũng', age: null, city: 'Đà Nẵng', tags: ['c'] },
  ]);
});

afterAll(() => target.close());

test('answers the handshake, ping and buildInfo as a standalone server', async () => {
  const admin = target.client.db('admin');
  const hello = await admin.command({ hello: 1 });
  expect(hello.isWritablePrimary).toBe(true);
  expect(hello.maxWireVersion).toBeGreaterThanOrEqual(17);
  expect(hello.setName).toBeUndefined();
  expect(await admin.command({ ping: 1 })).toMatchObject({ ok: 1 });
  const info = await admin.command({ buildInfo: 1 });
  expect(info.versionArray[0]).toBeGreaterThanOrEqual(7);
  expect(await admin.command({ getParameter: 1, featureCompatibilityVersion: 1 })).toMatchObject({ ok: 1 });
});

test('an unknown command gets CommandNotFound naming it, and the connection stays usable', async () => {
  await expect(target.db.command({ frobnicate: 1 })).rejects.toMatchObject({
    code: 59,
    codeName: 'CommandNotFound',
    message: expect.stringContaining("no such command: 'frobnicate'"),
  });
  expect(await target.db.command({ ping: 1 })).toMatchObject({ ok: 1 });
});

test('an unknown query operator is refused with BadValue naming it', async () => {
  await expect(people.find({ age: { $frob: 1 } }).toArray()).rejects.toMatchObject({
    code: 2,
    message: expect.stringContaining('$frob'),
  });
});

test('transactions are refused as on a standalone server', async () => {
  const session = target.client.startSession();
  try {
    session.startTransaction();
    // The server answers code 20 ("Transaction numbers are only allowed on a replica set member or mongos"),
    // which the driver turns into this message.
    await expect(people.insertOne({ name: 'tx' }, { session })).rejects.toThrow(
      'This MongoDB deployment does not support retryable writes',
    );
  } finally {
    await session.endSession();
  }
});

test('find: comparison, logical, array, element and regex operators', async () => {
  const names = async (filter: Document) =>
    (await people.find(filter).sort({ _id: 1 }).toArray()).map((d) => d.name);
  expect(await names({ age: { $gt: 25 } })).toEqual(['An', 'Bình']);
  expect(await names({ age: { $gte: 22, $lt: 45 } })).toEqual(['An', 'Chi']);
  expect(await names({ city: { $in: ['Huế', 'Đà Nẵng'] } })).toEqual(['Bình', 'Dũng']);
  expect(await names({ city: { $nin: ['Hà Nội'] } })).toEqual(['Bình', 'Dũng']);
  expect(await names({ $or: [{ age: 22 }, { city: 'Huế' }] })).toEqual(['Bình', 'Chi']);
  expect(await names({ $and: [{ city: 'Hà Nội' }, { age: { $ne: 30 } }] })).toEqual(['Chi']);
  expect(await names({ tags: 'b' })).toEqual(['An', 'Bình']);
  expect(await names({ tags: { $all: ['a', 'b'] } })).toEqual(['An']);
  expect(await names({ tags: { $size: 0 } })).toEqual(['Chi']);
  expect(await names({ address: { $exists: false } })).toEqual(['Dũng']);
  expect(await names({ age: null })).toEqual(['Dũng']);
  expect(await names({ age: { $type: 'number' } })).toEqual(['An', 'Bình', 'Chi']);
  expect(await names({ 'address.ward': /^Hàng/ })).toEqual(['An']);
  expect(await names({ name: { $regex: 'ì', $options: 'i' } })).toEqual(['Bình']);
  expect(await names({ age: { $not: { $gt: 25 } } })).toEqual(['Chi', 'Dũng']);
  expect(await names({ $expr: { $gt: [{ $size: '$tags' }, 1] } })).toEqual(['An']);
});

test('find: projection include and exclude, sort, skip and limit', async () => {
  const included = await people
    .find({ _id: 1 as never }, { projection: { name: 1, 'address.ward': 1 } })
    .toArray();
  expect(included).toEqual([{ _id: 1, name: 'An', address: { ward: 'Hàng Bạc' } }]);
  const excluded = await people
    .find({ _id: 2 as never }, { projection: { tags: 0, address: 0, _id: 0 } })
    .toArray();
  expect(excluded).toEqual([{ name: 'Bình', age: 45, city: 'Huế' }]);
  const page = await people.find({}).sort({ age: -1 }).skip(1).limit(2).toArray();
  expect(page.map((d) => d.name)).toEqual(['An', 'Chi']);
});

test('a cursor returns a large result over several batches, and killCursors closes it', async () => {
  const many = target.db.collection('many');
  await many.insertMany(Array.from({ length: 1050 }, (_, i) => ({ i, pad: 'x'.repeat(100) })));
  const all = await many.find({}, { batchSize: 100 }).sort({ i: 1 }).toArray();
  expect(all).toHaveLength(1050);
  expect(all.map((d) => d.i)).toEqual(Array.from({ length: 1050 }, (_, i) => i));

  const first = await target.db.command({ find: 'many', filter: {}, batchSize: 10 });
  expect(first.cursor.firstBatch).toHaveLength(10);
  expect(first.cursor.id.toString()).not.toBe('0');
  const more = await target.db.command({ getMore: first.cursor.id, collection: 'many', batchSize: 20 });
  expect(more.cursor.nextBatch).toHaveLength(20);
  const killed = await target.db.command({ killCursors: 'many', cursors: [first.cursor.id] });
  expect(killed.cursorsKilled).toHaveLength(1);
  await expect(target.db.command({ getMore: first.cursor.id, collection: 'many' })).rejects.toMatchObject({
    code: 43,
  });
});

test('count and distinct', async () => {
  expect(await people.countDocuments({ city: 'Hà Nội' })).toBe(2);
  expect(await people.estimatedDocumentCount()).toBe(4);
  expect((await target.db.command({ count: 'people', query: { age: { $gt: 20 } } })).n).toBe(3);
  expect((await people.distinct('city')).sort()).toEqual(['Huế', 'Hà Nội', 'Đà Nẵng'].sort());
  expect((await people.distinct('tags', { city: 'Hà Nội' })).sort()).toEqual(['a', 'b']);
});

test('collections: create, list, drop; dropDatabase empties the database', async () => {
  const db = target.client.db(`${target.dbName}_catalog`);
  await db.createCollection('alpha');
  await db.collection('beta').insertOne({ x: 1 });
  const names = (await db.listCollections().toArray()).map((c) => c.name).sort();
  expect(names).toEqual(['alpha', 'beta']);
  expect(await db.collection('alpha').drop()).toBe(true);
  expect((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name)).toEqual(['beta']);
  await db.dropDatabase();
  expect(await db.listCollections().toArray()).toEqual([]);
});
