// A sorted secondary index: a B+ tree of (indexed values..., _id key) entries, one per array element for
// multikey paths. It answers equality and range lookups without scanning the collection and enforces
// uniqueness.
import BTree from 'sorted-btree';
import { Query } from 'mingo';
import type { Document } from 'bson';
import { comparePart, highest, keyPart, lowest, type KeyPart } from './key-order';
import { valuesAtPath } from './field-path';
import type { IndexSpec } from './index-spec';

export type IndexKey = { parts: KeyPart[]; id: string };

/** The key tuples one document contributes to an index, with the values they were made from. */
export type DocumentKeys = { parts: KeyPart[]; values: unknown[] }[];

function compareKeys(a: IndexKey, b: IndexKey): number {
  const n = Math.min(a.parts.length, b.parts.length);
  for (let i = 0; i < n; i++) {
    const order = comparePart(a.parts[i] as KeyPart, b.parts[i] as KeyPart);
    if (order !== 0) return order;
  }
  if (a.parts.length !== b.parts.length) return a.parts.length - b.parts.length;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Bounds for one indexed field: a closed or open interval of key parts. */
export interface FieldBounds {
  low: KeyPart;
  high: KeyPart;
  lowInclusive: boolean;
  highInclusive: boolean;
}

export class SecondaryIndex {
  readonly spec: IndexSpec;
  readonly fields: string[];
  /** Set once a document puts an array on an indexed path; ranges then may not be intersected. */
  multikey = false;
  /** The indexed paths that hold arrays in some document; the index cannot give a sort order on those. */
  readonly multikeyFields = new Set<string>();
  private readonly tree = new BTree<IndexKey, true>(undefined, compareKeys);
  private readonly filter: Query | undefined;

  constructor(spec: IndexSpec) {
    this.spec = spec;
    this.fields = Object.keys(spec.key);
    this.filter = spec.partialFilterExpression ? new Query(spec.partialFilterExpression) : undefined;
  }

  /** The key tuples a document contributes; none when sparse/partial rules leave it out. */
  keysOf(doc: Document): DocumentKeys {
    if (this.filter && !this.filter.test(doc)) return [];
    const perField = this.fields.map((field) => {
      const { values, multikey } = valuesAtPath(doc, field);
      if (multikey) {
        this.multikey = true;
        this.multikeyFields.add(field);
      }
      return values;
    });
    if (this.spec.sparse && perField.every((values) => values.every((v) => v === undefined))) return [];
    let tuples: unknown[][] = [[]];
    for (const values of perField) {
      const next: unknown[][] = [];
      for (const tuple of tuples) for (const value of dedupe(values)) next.push([...tuple, value]);
      tuples = next;
    }
    return tuples.map((values) => ({ parts: values.map(keyPart), values }));
  }

  add(id: string, keys: DocumentKeys): void {
    for (const { parts } of keys) this.tree.set({ parts, id }, true);
  }

  remove(id: string, keys: DocumentKeys): void {
    for (const { parts } of keys) this.tree.delete({ parts, id });
  }

  /** The first of a document's key tuples already held by another document, for unique enforcement. */
  findConflict(id: string, keys: DocumentKeys): unknown[] | undefined {
    if (!this.spec.unique) return undefined;
    for (const { parts, values } of keys) {
      let clash = false;
      this.tree.forRange({ parts, id: '' }, { parts, id: '\uffff' }, true, (key) => {
        if (key.id !== id) {
          clash = true;
          return { break: true };
        }
        return undefined;
      });
      if (clash) return values;
    }
    return undefined;
  }

  *scan(prefix: KeyPart[], reverse: boolean): Generator<string> {
    const padding = this.fields.length - prefix.length;
    const low: IndexKey = { parts: [...prefix, ...Array<KeyPart>(padding).fill(lowest)], id: '' };
    const high: IndexKey = { parts: [...prefix, ...Array<KeyPart>(padding).fill(highest)], id: '\uffff' };
    if (!reverse) {
      for (const [key] of this.tree.entries(low)) {
        if (compareKeys(key, high) > 0) return;
        yield key.id;
      }
    } else {
      for (const [key] of this.tree.entriesReversed(high)) {
        if (compareKeys(key, low) < 0) return;
        yield key.id;
      }
    }
  }

  /**
   * Ids of entries whose leading fields match `bounds` (one entry per leading field; several alternatives
   * per field for $in).
   */
  lookup(bounds: FieldBounds[][], into: Set<string>): void {
    for (const combination of combinations(bounds)) {
      const low: KeyPart[] = [];
      const high: KeyPart[] = [];
      combination.forEach((b, i) => {
        const last = i === combination.length - 1;
        low.push(b.low);
        high.push(b.high);
        if (last) {
          // Pad the remaining fields so the interval's openness at this field decides membership.
          for (let k = combination.length; k < this.fields.length; k++) {
            low.push(b.lowInclusive ? lowest : highest);
            high.push(b.highInclusive ? highest : lowest);
          }
        }
      });
      this.tree.forRange({ parts: low, id: '' }, { parts: high, id: '\uffff' }, true, (key) => {
        into.add(key.id);
      });
    }
  }
}

/** Whether two documents contribute the same entries (an update that leaves the indexed fields alone). */
export function sameKeys(a: DocumentKeys, b: DocumentKeys): boolean {
  return (
    a.length === b.length &&
    a.every((key, i) => {
      const other = (b[i] as DocumentKeys[number]).parts;
      return key.parts.every((part, k) => comparePart(part, other[k] as KeyPart) === 0);
    })
  );
}

function dedupe(values: unknown[]): unknown[] {
  if (values.length < 2) return values;
  const seen = new Map<string, unknown>();
  for (const value of values) {
    const part = keyPart(value);
    seen.set(`${part.rank}:${String(part.value)}`, value);
  }
  return [...seen.values()];
}

function combinations(bounds: FieldBounds[][]): FieldBounds[][] {
  let result: FieldBounds[][] = [[]];
  for (const alternatives of bounds) {
    const next: FieldBounds[][] = [];
    for (const prefix of result) for (const b of alternatives) next.push([...prefix, b]);
    result = next;
  }
  return result;
}
