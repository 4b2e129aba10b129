// Conformance: BSON types round-trip unchanged, documents over 16 MB are refused with MongoDB's error, and
// GridFS through the driver's GridFSBucket stores and streams files back.
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { randomBytes } from 'node:crypto';
import { Binary, Decimal128, GridFSBucket, Int32, Long, ObjectId, Double } from 'mongodb';
import { startTarget, type Target } from './support/target';

let target: Target;

beforeAll(async () => {
  target = await startTarget();
});
afterAll(() => target.close());

test('ObjectId, Date, Decimal128, Binary, Long, null and nested arrays round-trip', async () => {
  const values = target.db.collection('values');
  const doc = {
    _id: new ObjectId(),
    ref: new ObjectId(),
    at: new Date('2026-03-04T05:06:07.089Z'),
    amount: Decimal128.fromString('1234567890.123456789'),
    blob: new Binary(Buffer.from([0, 1, 2, 250, 255])),
    uuid: new Binary(Buffer.from('0123456789abcdef0123456789abcdef', 'hex'), Binary.SUBTYPE_UUID),
    big: Long.fromString('9007199254740993'),
    small: new Int32(7),
    ratio: new Double(2.5),
    nothing: null,
    nested: [[1, [2, [3, 'bốn']]], [], [{ deep: [new Date(0)] }]],
    text: 'Tiếng Việt có dấu 🇻🇳',
  };
  await values.insertOne(doc);
  const back = await values.findOne({ _id: doc._id }, { promoteLongs: false, promoteValues: false });
  expect(back?.ref).toEqual(doc.ref);
  expect(back?.at).toEqual(doc.at);
  expect(back?.amount.toString()).toBe('1234567890.123456789');
  expect(Buffer.from((back?.blob as Binary).buffer)).toEqual(Buffer.from([0, 1, 2, 250, 255]));
  expect((back?.uuid as Binary).sub_type).toBe(Binary.SUBTYPE_UUID);
  expect((back?.big as Long).toString()).toBe('9007199254740993');
  expect(back?.nothing).toBeNull();
  const plain = await values.findOne({ _id: doc._id });
  expect(plain?.nested).toEqual(doc.nested);
  expect(plain?.text).toBe(doc.text);
  expect(plain?.small).toBe(7);
  expect(await values.countDocuments({ ref: doc.ref, at: doc.at })).toBe(1);
});

test('a document over 16 MB is refused with BSONObjectTooLarge', async () => {
  const big = target.db.collection('big');
  await expect(big.insertOne({ payload: 'x'.repeat(16 * 1024 * 1024 + 10) })).rejects.toMatchObject({
    code: 10334,
  });
  await big.insertOne({ _id: 'grow' as never, payload: 'x'.repeat(9 * 1024 * 1024) });
  await expect(
    big.updateOne({ _id: 'grow' as never }, { $set: { more: 'y'.repeat(9 * 1024 * 1024) } }),
  ).rejects.toMatchObject({ code: expect.any(Number) });
  expect(await big.countDocuments()).toBe(1);
});

test('GridFS: upload, list, download and delete a file over several chunks', async () => {
  const bucket = new GridFSBucket(target.db, { bucketName: 'files', chunkSizeBytes: 64 * 1024 });
  const content = randomBytes(300 * 1024 + 17);
  const upload = bucket.openUploadStream('hồ-sơ.pdf', { metadata: { dossier: 'HS-1' } });
  await new Promise<void>((resolve, reject) => {
    Readable.from([content])
      .pipe(upload)
      .on('finish', () => resolve())
      .on('error', reject);
  });
  const [file] = await bucket.find({ filename: 'hồ-sơ.pdf' }).toArray();
  expect(file?.length).toBe(content.length);
  expect(file?.metadata).toEqual({ dossier: 'HS-1' });
  expect(await target.db.collection('files.chunks').countDocuments({ files_id: upload.id })).toBe(5);
  expect(await buffer(bucket.openDownloadStream(upload.id))).toEqual(content);
  expect(await buffer(bucket.openDownloadStreamByName('hồ-sơ.pdf', { start: 70_000, end: 70_010 }))).toEqual(
    content.subarray(70_000, 70_010),
  );
  await bucket.delete(upload.id);
  expect(await bucket.find({}).toArray()).toEqual([]);
  expect(await target.db.collection('files.chunks').countDocuments()).toBe(0);
});
