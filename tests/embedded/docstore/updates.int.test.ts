// Conformance: update operators, upsert, multi, arrayFilters, positional `$`, replacement, findAndModify, delete.
import type { Collection, Document } from 'mongodb';
import { startTarget, type Target } from './support/target';

let target: Target;
let dossiers: Collection<Document>;

beforeAll(async () => {
  target = await startTarget();
});
afterAll(() => target.close());

beforeEach(async () => {
  dossiers = target.db.collection(`dossiers_${expect.getState().currentTestName?.length ?? 0}_${Date.now()}`);
  await dossiers.insertMany([
    {
      code: 'HS-1',
      status: 1,
      fees: [
        { name: 'lệ phí', amount: 50 },
        { name: 'phí', amount: 20 },
      ],
      count: 1,
      tags: ['x'],
    },
    { code: 'HS-2', status: 1, fees: [{ name: 'lệ phí', amount: 70 }], count: 5, tags: [] },
    { code: 'HS-3', status: 2, fees: [], count: 0, tags: ['y'] },
  ]);
});

test('common update operators', async () => {
  await dossiers.updateOne(
    { code: 'HS-1' },
    {
      $set: { 'applicant.name': 'An', status: 3 },
      $inc: { count: 2 },
      $push: { tags: { $each: ['z', 'w'] } } as Document,
      $unset: { fees: '' },
      $currentDate: { updatedAt: true },
    },
  );
  const one = await dossiers.findOne({ code: 'HS-1' });
  expect(one).toMatchObject({ applicant: { name: 'An' }, status: 3, count: 3, tags: ['x', 'z', 'w'] });
  expect(one?.fees).toBeUndefined();
  expect(one?.updatedAt).toBeInstanceOf(Date);

  await dossiers.updateOne(
    { code: 'HS-2' },
    { $addToSet: { tags: 'q' }, $min: { count: 2 }, $mul: { status: 4 } },
  );
  await dossiers.updateOne({ code: 'HS-2' }, { $addToSet: { tags: 'q' }, $rename: { count: 'n' } });
  expect(
    await dossiers.findOne({ code: 'HS-2' }, { projection: { _id: 0, tags: 1, n: 1, status: 1 } }),
  ).toEqual({
    status: 4,
    tags: ['q'],
    n: 2,
  });
  await dossiers.updateOne({ code: 'HS-1' }, { $pull: { tags: 'z' } as Document });
  await dossiers.updateOne({ code: 'HS-1' }, { $pop: { tags: 1 } });
  expect((await dossiers.findOne({ code: 'HS-1' }))?.tags).toEqual(['x']);
});

test('multi updates report matched and modified counts; an unchanged document is not counted as modified', async () => {
  const result = await dossiers.updateMany({ status: 1 }, { $set: { status: 9 } });
  expect(result).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
  const again = await dossiers.updateMany({ status: 9 }, { $set: { status: 9 } });
  expect(again).toMatchObject({ matchedCount: 2, modifiedCount: 0 });
});

test('upsert inserts from the filter equalities and $setOnInsert, and only $set on later matches', async () => {
  const first = await dossiers.updateOne(
    { code: 'HS-9', 'meta.kind': 'test' },
    { $set: { status: 1 }, $setOnInsert: { createdBy: 'seed' } },
    { upsert: true },
  );
  expect(first.upsertedCount).toBe(1);
  expect(first.upsertedId).toBeDefined();
  const second = await dossiers.updateOne(
    { code: 'HS-9' },
    { $set: { status: 2 }, $setOnInsert: { createdBy: 'other' } },
    { upsert: true },
  );
  expect(second).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
  expect(await dossiers.findOne({ code: 'HS-9' }, { projection: { _id: 0 } })).toEqual({
    code: 'HS-9',
    meta: { kind: 'test' },
    status: 2,
    createdBy: 'seed',
  });
});

test('positional $ and arrayFilters update the matching array elements only', async () => {
  await dossiers.updateOne({ code: 'HS-1', 'fees.name': 'phí' }, { $set: { 'fees.$.amount': 25 } });
  await dossiers.updateMany(
    {},
    { $inc: { 'fees.$[fee].amount': 5 } },
    { arrayFilters: [{ 'fee.name': 'lệ phí' }] },
  );
  expect((await dossiers.findOne({ code: 'HS-1' }))?.fees).toEqual([
    { name: 'lệ phí', amount: 55 },
    { name: 'phí', amount: 25 },
  ]);
  expect((await dossiers.findOne({ code: 'HS-2' }))?.fees).toEqual([{ name: 'lệ phí', amount: 75 }]);
});

test('replacement keeps _id; changing _id is refused as ImmutableField', async () => {
  const before = await dossiers.findOne({ code: 'HS-3' });
  await dossiers.replaceOne({ code: 'HS-3' }, { code: 'HS-3', replaced: true });
  expect(await dossiers.findOne({ code: 'HS-3' })).toEqual({
    _id: before?._id,
    code: 'HS-3',
    replaced: true,
  });
  await expect(dossiers.updateOne({ code: 'HS-3' }, { $set: { _id: 'other' } })).rejects.toMatchObject({
    code: 66,
  });
});

test('an unknown update operator is refused naming it', async () => {
  await expect(dossiers.updateOne({ code: 'HS-1' }, { $frob: { a: 1 } } as never)).rejects.toMatchObject({
    code: 9,
    message: expect.stringContaining('$frob'),
  });
});

test('findOneAndUpdate, findOneAndDelete and findOneAndReplace with sort, projection and upsert', async () => {
  const before = await dossiers.findOneAndUpdate(
    { status: 1 },
    { $inc: { count: 10 } },
    { sort: { count: -1 }, projection: { code: 1, count: 1, _id: 0 } },
  );
  expect(before).toEqual({ code: 'HS-2', count: 5 });
  const after = await dossiers.findOneAndUpdate(
    { code: 'HS-2' },
    { $inc: { count: 1 } },
    { returnDocument: 'after' },
  );
  expect(after?.count).toBe(16);
  const created = await dossiers.findOneAndUpdate(
    { code: 'HS-7' },
    { $setOnInsert: { status: 0 } },
    { upsert: true, returnDocument: 'after', includeResultMetadata: true },
  );
  expect(created.lastErrorObject).toMatchObject({ n: 1, updatedExisting: false });
  expect(created.value).toMatchObject({ code: 'HS-7', status: 0 });
  const removed = await dossiers.findOneAndDelete({ code: 'HS-3' });
  expect(removed?.code).toBe('HS-3');
  expect(await dossiers.findOneAndDelete({ code: 'HS-3' })).toBeNull();
  const replaced = await dossiers.findOneAndReplace(
    { code: 'HS-1' },
    { code: 'HS-1', v: 2 },
    { returnDocument: 'after' },
  );
  expect(replaced).toMatchObject({ code: 'HS-1', v: 2 });
});

test('deleteOne and deleteMany', async () => {
  expect((await dossiers.deleteOne({ status: 1 })).deletedCount).toBe(1);
  expect((await dossiers.deleteMany({})).deletedCount).toBe(2);
  expect(await dossiers.countDocuments()).toBe(0);
});

test('pipeline-style updates', async () => {
  await dossiers.updateOne({ code: 'HS-2' }, [{ $set: { doubled: { $multiply: ['$count', 2] } } }]);
  expect((await dossiers.findOne({ code: 'HS-2' }))?.doubled).toBe(10);
});

test('an upsert by _id creates the document with that _id (a per-day counter)', async () => {
  const counters = target.db.collection<{ _id: string; seq: number }>('counters');
  const first = await counters.findOneAndUpdate(
    { _id: 'HK|260101' },
    { $inc: { seq: 1 } },
    { upsert: true, returnDocument: 'after' },
  );
  const second = await counters.findOneAndUpdate(
    { _id: 'HK|260101' },
    { $inc: { seq: 1 } },
    { upsert: true, returnDocument: 'after' },
  );
  expect([first, second]).toEqual([
    { _id: 'HK|260101', seq: 1 },
    { _id: 'HK|260101', seq: 2 },
  ]);
  await counters.updateOne({ _id: 'HK|260101' }, { $set: { _id: 'HK|260101', seq: 5 } });
  expect(await counters.findOne({ _id: 'HK|260101' })).toEqual({ _id: 'HK|260101', seq: 5 });
});
