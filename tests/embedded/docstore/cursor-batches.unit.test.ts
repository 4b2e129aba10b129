// A cursor's batch holds at most 16 MB of documents, like mongod's, but always at least one document; sizes are
// only added up once a batch has a second document.
import type { Document } from 'bson';
import { CursorRegistry } from '../../../embedded/docstore/cursors';

const big = (i: number) => ({ _id: i, text: 'x'.repeat(6 * 1024 * 1024) });

test('a batch stops before passing 16 MB and the rest follows in getMore', () => {
  const cursors = new CursorRegistry();
  const docs = [big(1), big(2), big(3), big(4)];
  const first = cursors.start('db.c', docs, undefined) as {
    cursor: { firstBatch: Document[]; id: { isZero(): boolean } };
  };
  expect(first.cursor.firstBatch.map((d) => d._id)).toEqual([1, 2]);
  expect(first.cursor.id.isZero()).toBe(false);
  const next = cursors.more('db.c', first.cursor.id as never, undefined) as {
    cursor: { nextBatch: Document[] };
  };
  expect(next.cursor.nextBatch.map((d) => d._id)).toEqual([3, 4]);
});

test('one document is answered alone whatever its size, and small ones fill the batch size', () => {
  const cursors = new CursorRegistry();
  const alone = cursors.start('db.c', [{ _id: 1, text: 'x'.repeat(17 * 1024 * 1024) }], undefined, true);
  expect((alone.cursor as { firstBatch: Document[] }).firstBatch).toHaveLength(1);
  const small = Array.from({ length: 150 }, (_, i) => ({ _id: i }));
  const page = cursors.start('db.c', small, 101);
  expect((page.cursor as { firstBatch: Document[] }).firstBatch).toHaveLength(101);
});
