// mingo's `find()` helper rebuilds its operator context on every call (it merges the default context into
// itself); constructing the Query directly reuses the shared one, which matters at thousands of finds/s.
import type { Document } from 'bson';
import { Query } from 'mingo';
import type { Options } from 'mingo/types';
import type { Collection } from './collection';
import { needsMingo, plainProjection } from './projection';
import { structuralClone } from './structural-clone';

export function find(
  source: Document[],
  filter: Document,
  projection?: Document,
  options?: Partial<Options>,
) {
  return new Query(filter, options).find<Document>(source, projection);
}

/**
 * The documents of `collection` matching `filter`, read through an index when one applies. A missing
 * collection matches nothing, but the filter is still compiled so a bad one is refused as on a real one.
 */
export function matching(collection: Collection | undefined, filter: Document, options?: Partial<Options>) {
  return find(collection ? collection.candidates(filter) : [], filter, undefined, options);
}

/**
 * `docs` shaped by `projection`: plain path projections directly (storage/projection), anything else — and a
 * document a plain projection cannot shape — through mingo on a copy, since its projection edits arrays in place.
 */
export function project(docs: Document[], projection: Document, options?: Partial<Options>): Document[] {
  const plain = plainProjection(projection);
  if (!plain) return find(docs.map(structuralClone), {}, projection, options).all() as Document[];
  return docs.map((doc) => {
    const shaped = plain(doc);
    return shaped === needsMingo
      ? (find([structuralClone(doc)], {}, projection, options).all()[0] as Document)
      : shaped;
  });
}
