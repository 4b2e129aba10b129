// Chooses a secondary index for a filter: the one whose leading fields are pinned by the most top-level
// equalities (then one $in or range). The index only narrows the candidates; mingo still applies the whole
// filter to each, so a plan may over-approximate but never lose a match.
import type { Document } from 'bson';
import { isIndexableScalar, keyPart, typeEdge } from './key-order';
import type { FieldBounds, SecondaryIndex } from './secondary-index';
import type { KeyPart } from './key-order';

interface FieldPredicate {
  equals?: unknown;
  in?: unknown[];
  gt?: { value: unknown; inclusive: boolean };
  lt?: { value: unknown; inclusive: boolean };
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value) || value instanceof Date) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

function collectPredicates(filter: Document, into: Map<string, FieldPredicate>): void {
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const clause of condition)
        if (clause && typeof clause === 'object') collectPredicates(clause, into);
      continue;
    }
    if (field.startsWith('$')) continue;
    const predicate = into.get(field) ?? {};
    if (isIndexableScalar(condition)) predicate.equals = condition;
    else if (isOperatorObject(condition)) {
      for (const [op, value] of Object.entries(condition)) {
        if (op === '$eq' && isIndexableScalar(value)) predicate.equals = value;
        else if (op === '$in' && Array.isArray(value) && value.length > 0 && value.every(isIndexableScalar))
          predicate.in = value;
        else if ((op === '$gt' || op === '$gte') && isIndexableScalar(value))
          predicate.gt = { value, inclusive: op === '$gte' };
        else if ((op === '$lt' || op === '$lte') && isIndexableScalar(value))
          predicate.lt = { value, inclusive: op === '$lte' };
      }
    } else continue;
    into.set(field, predicate);
  }
}

function boundsFor(predicate: FieldPredicate | undefined, multikey: boolean): FieldBounds[] | undefined {
  if (!predicate) return undefined;
  if (predicate.equals !== undefined) {
    const part = keyPart(predicate.equals);
    return [{ low: part, high: part, lowInclusive: true, highInclusive: true }];
  }
  if (predicate.in) {
    return predicate.in.map((value) => {
      const part = keyPart(value);
      return { low: part, high: part, lowInclusive: true, highInclusive: true };
    });
  }
  const { gt, lt } = predicate;
  if (!gt && !lt) return undefined;
  // On a multikey path each bound may be met by a different element, so only one bound narrows safely.
  const useLow = gt && (!multikey || !lt);
  const useHigh = lt && (!multikey || !gt);
  const anchor = (gt ?? lt)?.value;
  return [
    {
      low: useLow ? keyPart(gt.value) : typeEdge(anchor, -1),
      lowInclusive: useLow ? gt.inclusive : true,
      high: useHigh ? keyPart(lt.value) : typeEdge(useLow ? gt.value : anchor, 1),
      highInclusive: useHigh ? lt.inclusive : true,
    },
  ];
}

export interface Plan {
  index: SecondaryIndex;
  bounds: FieldBounds[][];
  score: number;
}

export function planQuery(filter: Document, indexes: Iterable<SecondaryIndex>): Plan | undefined {
  const predicates = new Map<string, FieldPredicate>();
  collectPredicates(filter, predicates);
  if (predicates.size === 0) return undefined;
  let best: Plan | undefined;
  for (const index of indexes) {
    if (index.spec.partialFilterExpression) continue;
    const bounds: FieldBounds[][] = [];
    let score = 0;
    for (const field of index.fields) {
      const predicate = predicates.get(field);
      const fieldBounds = boundsFor(predicate, index.multikey);
      if (!fieldBounds) break;
      bounds.push(fieldBounds);
      const pinned = predicate?.equals !== undefined;
      score += pinned ? 2 : 1;
      if (!pinned) break;
    }
    // A unique index with every field pinned finds at most one document: nothing narrows better, whatever
    // index happens to be declared first (MongoDB's planner picks it too).
    if (index.spec.unique && score === 2 * index.fields.length) score += 1_000;
    // A sparse index lacks documents missing the field; every bound above requires a non-null value.
    if (score > 0 && (!best || score > best.score)) best = { index, bounds, score };
  }
  return best;
}

export interface OrderedPlan {
  index: SecondaryIndex;
  prefix: KeyPart[];
  reverse: boolean;
}

/**
 * An index that yields the documents in `sort` order: its leading fields pinned by equalities, the sort
 * fields next, all in one direction, none of them holding arrays. Lets find stop after skip + limit matches.
 * Of several, the one pinning the most fields: { agency, status, date } walks only that status's entries
 * where { agency, date } would walk every status of the agency and filter.
 */
export function planOrdered(
  filter: Document,
  sort: Record<string, unknown>,
  indexes: Iterable<SecondaryIndex>,
): OrderedPlan | undefined {
  const sortFields = Object.entries(sort).map(([field, dir]) => ({ field, dir: Number(dir) }));
  if (sortFields.length === 0 || sortFields.some((s) => s.dir !== 1 && s.dir !== -1)) return undefined;
  const first = sortFields[0]?.dir;
  if (sortFields.some((s) => s.dir !== first)) return undefined;
  const predicates = new Map<string, FieldPredicate>();
  collectPredicates(filter, predicates);
  let best: OrderedPlan | undefined;
  for (const index of indexes) {
    if (index.spec.partialFilterExpression || index.spec.sparse) continue;
    const prefix: KeyPart[] = [];
    let k = 0;
    while (k < index.fields.length) {
      const equals = predicates.get(index.fields[k] as string)?.equals;
      if (equals === undefined) break;
      prefix.push(keyPart(equals));
      k += 1;
    }
    const next = index.fields.slice(k, k + sortFields.length);
    if (next.length !== sortFields.length) continue;
    if (next.some((field, i) => field !== sortFields[i]?.field || index.multikeyFields.has(field))) continue;
    if (!best || prefix.length > best.prefix.length) best = { index, prefix, reverse: first === -1 };
  }
  return best;
}
