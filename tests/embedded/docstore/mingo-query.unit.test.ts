// compileQuery builds mingo queries on one shared operator context instead of copying mingo's operator tables
// for every query; the queries must match exactly as mingo's own Query does.
import { ObjectId } from 'bson';
import { Context, Query } from 'mingo';
import { compileQuery } from '../../../embedded/docstore/storage/mingo-query';

const agency = new ObjectId();
const docs = [
  { _id: 1, visibleToAgencies: [agency], code: 'A', status: 4, at: new Date(0), tags: ['x'] },
  { _id: 2, visibleToAgencies: [new ObjectId()], code: 'B', status: 2, at: new Date(8.64e15) },
  { _id: 3, code: 'Cc', status: null },
];
const filters = [
  { visibleToAgencies: agency, code: 'A' },
  { status: { $in: [2, 4] }, at: { $lt: new Date() } },
  { $or: [{ code: { $regex: '^c', $options: 'i' } }, { tags: { $size: 1 } }] },
  { $expr: { $lt: ['$at', '$$NOW'] } },
  { status: { $exists: true, $ne: null }, 'visibleToAgencies.0': { $type: 'objectId' } },
];

test.each(filters)('%j matches the documents mingo matches', (filter) => {
  const expected = docs.filter((doc) => new Query(filter).test(doc)).map((d) => d._id);
  expect(docs.filter((doc) => compileQuery(filter).test(doc)).map((d) => d._id)).toEqual(expected);
});

test('a compiled query does not copy the operator context', () => {
  const init = jest.spyOn(Context, 'init');
  const from = jest.spyOn(Context, 'from');
  compileQuery({ code: 'A', status: { $gte: 1 } }).test(docs[0]!);
  expect(init).not.toHaveBeenCalled();
  expect(from).not.toHaveBeenCalled();
  init.mockRestore();
  from.mockRestore();
});

test('an unknown operator is still refused', () => {
  expect(() => compileQuery({ code: { $nope: 1 } })).toThrow();
});
