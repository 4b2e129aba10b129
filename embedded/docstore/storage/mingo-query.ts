// mingo's `find()` helper rebuilds its operator context on every call (it merges the default context into
// itself), and so does every `new Query(filter, options)`: its options are turned into mingo's internal
// ComputeOptions by copying each operator table (a few hundred entries) into a fresh context. compileQuery hands
// the Query an options instance of that class built on one shared context, which mingo takes as is.
import type { Document } from 'bson';
import { Context, Query } from 'mingo';
import * as accumulator from 'mingo/operators/accumulator';
import * as expression from 'mingo/operators/expression';
import * as pipeline from 'mingo/operators/pipeline';
import * as projection from 'mingo/operators/projection';
import * as query from 'mingo/operators/query';
import * as window from 'mingo/operators/window';
import { Query as QueryBase } from 'mingo/query';
import type { Options } from 'mingo/types';
import type { Collection } from './collection';
import { needsMingo, plainProjection } from './projection';
import { structuralClone } from './structural-clone';

/** Every operator mingo's default export knows, as its Query and Aggregator see them. */
const sharedContext = Context.init({ accumulator, expression, pipeline, projection, query, window });

type ComputeOptionsClass = new (options: Partial<Options>) => Partial<Options>;

/** mingo does not export ComputeOptions; an operator is handed an instance of it when a query compiles. */
const ComputeOptions = ((): ComputeOptionsClass | undefined => {
  let found: ComputeOptionsClass | undefined;
  const probe = (_field: string, _value: unknown, options: object) => {
    found = options.constructor as ComputeOptionsClass;
    return () => true;
  };
  new Query({ x: { $probe: 1 } }, { context: Context.init({ query: { $probe: probe } as never }) });
  return found;
})();

/** mingo's defaults for a Query (mingo/core ComputeOptions.init), with the shared operator context. */
const queryDefaults = {
  idKey: '_id',
  scriptEnabled: true,
  useStrictMode: true,
  failOnError: true,
  processingMode: 0,
} as const;

/** `new Query(filter, options)` without copying mingo's operator tables. */
export function compileQuery(filter: Document, options?: Partial<Options>): Query {
  if (!ComputeOptions || options?.context) return new Query(filter, options);
  const computed = new ComputeOptions({ ...queryDefaults, ...options, context: sharedContext });
  return new QueryBase(filter, computed) as Query;
}

export function find(
  source: Document[],
  filter: Document,
  projection?: Document,
  options?: Partial<Options>,
) {
  return compileQuery(filter, options).find<Document>(source, projection);
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
