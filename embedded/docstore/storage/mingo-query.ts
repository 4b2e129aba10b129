// mingo's `find()` helper rebuilds its operator context on every call (it merges the default context into
// itself); constructing the Query directly reuses the shared one, which matters at thousands of finds/s.
import type { Document } from 'bson';
import { Query } from 'mingo';
import type { Options } from 'mingo/types';

export function find(
  source: Document[],
  filter: Document,
  projection?: Document,
  options?: Partial<Options>,
) {
  return new Query(filter, options).find<Document>(source, projection);
}
