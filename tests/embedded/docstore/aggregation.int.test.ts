// Conformance: aggregation stages and operators the reports use, $lookup across collections, and Vietnamese
// collation for sorting.
import { startTarget, type Target } from './support/target';

let target: Target;

beforeAll(async () => {
  target = await startTarget();
  await target.db.collection('agencies').insertMany([
    { code: 'HK', name: 'Hoàn Kiếm' },
    { code: 'BD', name: 'Ba Đình' },
  ]);
  await target.db.collection('dossiers').insertMany([
    {
      code: 'A',
      agency: 'HK',
      fee: 50,
      dueAt: new Date('2026-01-10T00:00:00Z'),
      resolvedAt: new Date('2026-01-09T20:00:00Z'),
      steps: ['a', 'b'],
    },
    {
      code: 'B',
      agency: 'HK',
      fee: 30,
      dueAt: new Date('2026-01-10T00:00:00Z'),
      resolvedAt: new Date('2026-01-11T03:00:00Z'),
      steps: ['a'],
    },
    {
      code: 'C',
      agency: 'BD',
      fee: 20,
      dueAt: new Date('2026-01-12T00:00:00Z'),
      resolvedAt: new Date('2026-01-11T17:30:00Z'),
      steps: [],
    },
    { code: 'D', agency: 'BD', fee: 0, dueAt: new Date('2026-01-12T00:00:00Z') },
  ]);
});

afterAll(() => target.close());

test('$match $group $sum $avg $min $max $cond $sort: on-time rate per agency', async () => {
  const rows = await target.db
    .collection('dossiers')
    .aggregate([
      { $match: { resolvedAt: { $exists: true } } },
      {
        $group: {
          _id: '$agency',
          total: { $sum: 1 },
          onTime: { $sum: { $cond: [{ $lte: ['$resolvedAt', '$dueAt'] }, 1, 0] } },
          avgFee: { $avg: '$fee' },
          minFee: { $min: '$fee' },
          maxFee: { $max: '$fee' },
        },
      },
      { $sort: { _id: 1 } },
    ])
    .toArray();
  expect(rows).toEqual([
    { _id: 'BD', total: 1, onTime: 1, avgFee: 20, minFee: 20, maxFee: 20 },
    { _id: 'HK', total: 2, onTime: 1, avgFee: 40, minFee: 30, maxFee: 50 },
  ]);
});

test('$project $addFields $dateToString with a timezone, $skip $limit', async () => {
  const rows = await target.db
    .collection('dossiers')
    .aggregate([
      { $match: { resolvedAt: { $exists: true } } },
      { $sort: { code: 1 } },
      {
        $addFields: {
          day: {
            $dateToString: { date: '$resolvedAt', format: '%Y-%m-%d %H:%M', timezone: 'Asia/Ho_Chi_Minh' },
          },
        },
      },
      { $project: { _id: 0, code: 1, day: 1 } },
      { $skip: 1 },
      { $limit: 2 },
    ])
    .toArray();
  expect(rows).toEqual([
    { code: 'B', day: '2026-01-11 10:00' },
    { code: 'C', day: '2026-01-12 00:30' },
  ]);
  // The stored documents are not changed by the pipeline.
  expect(
    await target.db.collection('dossiers').findOne({ code: 'B' }, { projection: { _id: 0, day: 1 } }),
  ).toEqual({});
});

test('$lookup $unwind $count $facet', async () => {
  const joined = await target.db
    .collection('dossiers')
    .aggregate([
      { $match: { code: 'A' } },
      { $lookup: { from: 'agencies', localField: 'agency', foreignField: 'code', as: 'agencyDoc' } },
      { $unwind: '$agencyDoc' },
      { $project: { _id: 0, code: 1, agencyName: '$agencyDoc.name' } },
    ])
    .toArray();
  expect(joined).toEqual([{ code: 'A', agencyName: 'Hoàn Kiếm' }]);

  const [facets] = await target.db
    .collection('dossiers')
    .aggregate([
      {
        $facet: {
          steps: [{ $unwind: '$steps' }, { $count: 'n' }],
          byAgency: [{ $group: { _id: '$agency', n: { $sum: 1 } } }, { $sort: { _id: -1 } }],
        },
      },
    ])
    .toArray();
  expect(facets).toEqual({
    steps: [{ n: 3 }],
    byAgency: [
      { _id: 'HK', n: 2 },
      { _id: 'BD', n: 2 },
    ],
  });
});

test('an unknown stage is refused naming it', async () => {
  await expect(
    target.db
      .collection('dossiers')
      .aggregate([{ $frob: {} }])
      .toArray(),
  ).rejects.toMatchObject({
    code: 40324,
    message: expect.stringContaining('$frob'),
  });
});

test("collation { locale: 'vi' } sorts in Vietnamese alphabetical order", async () => {
  const names = target.db.collection('names');
  await names.insertMany(['Đào', 'Dương', 'Ân', 'An', 'Ă', 'Bình', 'Ơn', 'Ô', 'O'].map((name) => ({ name })));
  const sorted = await names
    .find({}, { collation: { locale: 'vi' } })
    .sort({ name: 1 })
    .toArray();
  expect(sorted.map((d) => d.name)).toEqual(['An', 'Ă', 'Ân', 'Bình', 'Dương', 'Đào', 'O', 'Ô', 'Ơn']);
  const viaPipeline = await names
    .aggregate([{ $sort: { name: -1 } }, { $limit: 3 }], { collation: { locale: 'vi' } })
    .toArray();
  expect(viaPipeline.map((d) => d.name)).toEqual(['Ơn', 'Ô', 'O']);
});
