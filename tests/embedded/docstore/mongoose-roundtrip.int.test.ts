// Mongoose over the wire: connect with no special options, define a model, write, query, update, delete.
import mongoose, { Schema } from 'mongoose';
import { startTarget, type Target } from './support/target';

interface Citizen {
  name: string;
  idNumber: string;
  age: number;
  tags: string[];
}

let target: Target;
let connection: mongoose.Connection;

beforeAll(async () => {
  target = await startTarget();
  connection = await mongoose.createConnection(target.uri(target.dbName)).asPromise();
});

afterAll(async () => {
  await connection.close();
  await target.close();
});

test('a mongoose model round-trips documents through create, find, update and delete', async () => {
  const schema = new Schema<Citizen>(
    {
      name: { type: String, required: true },
      idNumber: { type: String, required: true, unique: true },
      age: Number,
      tags: [String],
    },
    { timestamps: true },
  );
  const Citizens = connection.model<Citizen>('Citizen', schema);
  await Citizens.init();

  const created = await Citizens.create([
    { name: 'Nguyễn Văn An', idNumber: '001090000001', age: 30, tags: ['a'] },
    { name: 'Trần Thị Bình', idNumber: '001090000002', age: 45, tags: ['b', 'c'] },
  ]);
  expect(created).toHaveLength(2);

  const found = await Citizens.findOne({ idNumber: '001090000002' }).lean();
  expect(found?.name).toBe('Trần Thị Bình');
  expect(found?._id.equals(created[1]?._id)).toBe(true);

  const older = await Citizens.find({ age: { $gte: 40 } }).lean();
  expect(older.map((c) => c.name)).toEqual(['Trần Thị Bình']);

  const updated = await Citizens.findOneAndUpdate(
    { idNumber: '001090000001' },
    { $inc: { age: 1 }, $push: { tags: 'z' } },
    { returnDocument: 'after' },
  ).lean();
  expect(updated?.age).toBe(31);
  expect(updated?.tags).toEqual(['a', 'z']);

  expect(await Citizens.countDocuments({ tags: 'c' })).toBe(1);
  expect(await Citizens.estimatedDocumentCount()).toBe(2);

  await expect(Citizens.create({ name: 'Trùng', idNumber: '001090000001', age: 1 })).rejects.toMatchObject({
    code: 11000,
  });

  const deleted = await Citizens.deleteOne({ idNumber: '001090000001' });
  expect(deleted.deletedCount).toBe(1);
  expect(await Citizens.countDocuments()).toBe(1);
});
