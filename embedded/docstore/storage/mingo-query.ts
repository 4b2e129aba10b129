// mingo's `find()` helper rebuilds its operator context on every call (it merges the default context into
// itself); constructing the Query directly reuses the shared one, which matters at thousands of finds/s.
import type { Document } from 'bson';
import { Query } from 'mingo';
import type { Options } from 'mingo/types';
import type { Collection } from './collection';

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
