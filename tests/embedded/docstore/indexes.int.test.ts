// Conformance: createIndexes/listIndexes/dropIndexes, unique enforcement with MongoDB's E11000 message,
// sparse unique indexes, and lookups through compound and multikey indexes.
import type { Collection, Document } from 'mongodb';
import { startTarget, type Target } from './support/target';

let target: Target;

beforeAll(async () => {
  target = await startTarget();
});
afterAll(() => target.close());

function fresh(name: string): Collection<Document> {
  return target.db.collection(`${name}_${Math.random().toString(36).slice(2, 8)}`);
}

test('create, list and drop indexes', async () => {
  const users = fresh('users');
  expect(await users.createIndex({ username: 1 }, { unique: true })).toBe('username_1');
  expect(await users.createIndex({ agency: 1, groups: -1 })).toBe('agency_1_groups_-1');
  expect(await users.createIndex({ username: 1 }, { unique: true })).toBe('username_1');
  const listed = await users.listIndexes().toArray();
  expect(listed.map((i) => [i.name, i.key, i.unique ?? false])).toEqual([
    ['_id_', { _id: 1 }, false],
    ['username_1', { username: 1 }, true],
    ['agency_1_groups_-1', { agency: 1, groups: -1 }, false],
  ]);
  await users.dropIndex('agency_1_groups_-1');
  expect((await users.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_', 'username_1']);
  await expect(users.dropIndex('nope_1')).rejects.toMatchObject({ code: 27 });
  await expect(target.db.collection('missing').listIndexes().toArray()).rejects.toMatchObject({ code: 26 });
  await users.dropIndexes();
  expect((await users.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
});

test('a unique index refuses a duplicate with E11000 naming collection, index and key', async () => {
  const agencies = fresh('agencies');
  await agencies.createIndex({ code: 1 }, { unique: true });
  await agencies.insertOne({ code: 'HK' });
  const error = await agencies.insertOne({ code: 'HK' }).catch((e: unknown) => e);
  expect(error).toMatchObject({
    code: 11000,
    keyPattern: { code: 1 },
    keyValue: { code: 'HK' },
    message: `E11000 duplicate key error collection: ${target.dbName}.${agencies.collectionName} index: code_1 dup key: { code: "HK" }`,
  });
  await agencies.insertOne({ code: 'BD' });
  await expect(agencies.updateOne({ code: 'BD' }, { $set: { code: 'HK' } })).rejects.toMatchObject({
    code: 11000,
  });
  expect(await agencies.countDocuments({ code: 'BD' })).toBe(1);

  const duplicateId = await agencies
    .insertOne({ _id: 'same' as never })
    .then(() => agencies.insertOne({ _id: 'same' as never }).catch((e: unknown) => e));
  expect(duplicateId).toMatchObject({
    code: 11000,
    message: expect.stringContaining('index: _id_ dup key: { _id: "same" }'),
  });
});

test('an unordered bulk insert reports each duplicate and inserts the rest', async () => {
  const holidays = fresh('holidays');
  await holidays.createIndex({ date: 1 }, { unique: true });
  const error = (await holidays
    .insertMany([{ date: '2026-01-01' }, { date: '2026-01-01' }, { date: '2026-04-30' }], { ordered: false })
    .catch((e: unknown) => e)) as { code: number; writeErrors: { index: number; code: number }[] };
  expect(error.code).toBe(11000);
  expect(error.writeErrors.map((w) => [w.index, w.code])).toEqual([[1, 11000]]);
  expect(await holidays.countDocuments()).toBe(2);
});

test('building a unique index over existing duplicates fails', async () => {
  const things = fresh('things');
  await things.insertMany([{ k: 1 }, { k: 1 }]);
  await expect(things.createIndex({ k: 1 }, { unique: true })).rejects.toMatchObject({ code: 11000 });
});

test('a sparse unique index allows many documents without the field', async () => {
  const dossiers = fresh('dossiers');
  await dossiers.createIndex({ idempotencyKey: 1 }, { unique: true, sparse: true });
  await dossiers.insertMany([{ a: 1 }, { a: 2 }, { idempotencyKey: 'u1:k' }]);
  await expect(dossiers.insertOne({ idempotencyKey: 'u1:k' })).rejects.toMatchObject({ code: 11000 });
  const plain = fresh('plain');
  await plain.createIndex({ email: 1 }, { unique: true });
  await plain.insertOne({ a: 1 });
  await expect(plain.insertOne({ a: 2 })).rejects.toMatchObject({
    code: 11000,
    message: expect.stringContaining('dup key: { email: null }'),
  });
});

test('queries through compound and multikey indexes return the same documents as a scan', async () => {
  const indexed = fresh('indexed');
  const scanned = fresh('scanned');
  const docs = Array.from({ length: 400 }, (_, i) => ({
    agencies: [`A${i % 7}`, `A${(i + 3) % 7}`],
    status: i % 5,
    at: new Date(Date.UTC(2026, 0, 1 + (i % 60))),
    code: `HS-${String(i).padStart(4, '0')}`,
  }));
  await indexed.insertMany(docs.map((d) => ({ ...d })));
  await scanned.insertMany(docs.map((d) => ({ ...d })));
  await indexed.createIndex({ agencies: 1, status: 1, at: -1 });
  await indexed.createIndex({ at: 1 });
  await indexed.createIndex({ code: 1 }, { unique: true });
  const filters: Document[] = [
    { agencies: 'A3' },
    { agencies: 'A3', status: 2 },
    { agencies: 'A3', status: { $in: [1, 4] } },
    { agencies: 'A1', status: { $gte: 3 } },
    { at: { $gte: new Date(Date.UTC(2026, 0, 10)), $lt: new Date(Date.UTC(2026, 0, 12)) } },
    { at: { $gt: new Date(Date.UTC(2026, 1, 25)) } },
    { code: 'HS-0123' },
    { code: { $in: ['HS-0001', 'HS-0399', 'nope'] } },
    { $and: [{ agencies: 'A0' }, { status: 0 }] },
    { agencies: 'A2', status: 3, $or: [{ code: 'HS-0013' }, { code: 'HS-0048' }, { code: 'HS-0003' }] },
  ];
  for (const filter of filters) {
    const a = await indexed
      .find(filter, { projection: { _id: 0 } })
      .sort({ code: 1 })
      .toArray();
    const b = await scanned
      .find(filter, { projection: { _id: 0 } })
      .sort({ code: 1 })
      .toArray();
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(0);
  }
  await indexed.updateMany({ agencies: 'A3' }, { $set: { status: 9 } });
  await indexed.deleteMany({ agencies: 'A4', status: 9 });
  expect(await indexed.countDocuments({ agencies: 'A3', status: 9 })).toBe(
    await indexed.countDocuments({ agencies: 'A3' }),
  );
  expect(await indexed.countDocuments({ agencies: 'A4', status: 9 })).toBe(0);
});

test('sorted pages read in index order agree with a sorted scan', async () => {
  const indexed = fresh('pages');
  const scanned = fresh('pages_scan');
  const docs = Array.from({ length: 300 }, (_, i) => ({
    agency: `A${i % 3}`,
    visibleTo: [`A${i % 3}`, 'CITY'],
    at: new Date(Date.UTC(2026, 0, 1, 0, (i * 37) % 300)),
    status: i % 4,
  }));
  await indexed.insertMany(docs.map((d) => ({ ...d })));
  await scanned.insertMany(docs.map((d) => ({ ...d })));
  await indexed.createIndex({ visibleTo: 1, at: -1 });
  await indexed.createIndex({ agency: 1, status: 1, at: -1 });
  const cases: [Document, Document, number, number][] = [
    [{ visibleTo: 'A1' }, { at: -1 }, 0, 20],
    [{ visibleTo: 'CITY' }, { at: -1 }, 40, 20],
    [{ visibleTo: 'A2', status: { $ne: 1 } }, { at: 1 }, 5, 10],
    [{ agency: 'A0', status: 2 }, { at: -1 }, 0, 7],
    [{ agency: 'A0' }, { status: 1 }, 0, 30],
  ];
  for (const [filter, sort, skip, limit] of cases) {
    const a = await indexed.find(filter).sort(sort).skip(skip).limit(limit).toArray();
    const b = await scanned.find(filter).sort(sort).skip(skip).limit(limit).toArray();
    const field = Object.keys(sort)[0] as string;
    expect(a.map((d) => d[field])).toEqual(b.map((d) => d[field]));
    expect(a.length).toBe(limit);
  }
});
