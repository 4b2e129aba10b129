// One collection: documents by _id (insertion order is the natural order) and its secondary indexes.
// Stored documents are never mutated in place; an update replaces the stored object, so a snapshot can
// hold references while writes go on.
import type { Document } from 'bson';
import { calculateObjectSize } from 'bson';
import { CommandError } from '../errors';
import { maxBsonObjectSize } from '../wire/codec';
import { idKey } from './document-id';
import { duplicateKeyError } from './duplicate-key';
import { sameIndexOptions, type IndexSpec } from './index-spec';
import { planOrdered, planQuery } from './query-planner';
import { sameKeys, SecondaryIndex, type DocumentKeys } from './secondary-index';

export const idIndexSpec: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

export class Collection {
  readonly docs = new Map<string, Document>();
  readonly indexes = new Map<string, SecondaryIndex>();

  constructor(
    readonly db: string,
    readonly name: string,
    readonly options: Document = {},
  ) {}

  get namespace(): string {
    return `${this.db}.${this.name}`;
  }

  indexSpecs(): IndexSpec[] {
    return [idIndexSpec, ...[...this.indexes.values()].map((index) => index.spec)];
  }

  /** Adds an index; false when an identical one exists. Builds it over existing documents, checking uniqueness. */
  createIndex(spec: IndexSpec): boolean {
    if (spec.name === '_id_' || JSON.stringify(spec.key) === '{"_id":1}') return false;
    const existing = this.indexes.get(spec.name);
    if (existing) {
      if (sameIndexOptions(existing.spec, spec)) return false;
      throw new CommandError(
        'IndexKeySpecsConflict',
        `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(existing.spec)}`,
      );
    }
    for (const other of this.indexes.values()) {
      if (
        JSON.stringify(other.spec.key) === JSON.stringify(spec.key) &&
        !other.spec.partialFilterExpression
      ) {
        if (sameIndexOptions(other.spec, spec)) return false;
        throw new CommandError(
          'IndexOptionsConflict',
          `An equivalent index already exists with a different name and options. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(other.spec)}`,
        );
      }
    }
    const index = new SecondaryIndex(spec);
    for (const [id, doc] of this.docs) {
      const keys = index.keysOf(doc);
      const clash = index.findConflict(id, keys);
      if (clash) throw duplicateKeyError(this.namespace, spec, clash);
      index.add(id, keys);
    }
    this.indexes.set(spec.name, index);
    return true;
  }

  dropIndex(name: string): void {
    if (!this.indexes.delete(name))
      throw new CommandError('IndexNotFound', `index not found with name [${name}]`);
  }

  get(id: unknown): Document | undefined {
    return this.docs.get(idKey(id));
  }

  /** Throws MongoDB's errors for a document that cannot be stored; otherwise stores it. */
  insert(doc: Document): void {
    checkSize(doc);
    const key = idKey(doc._id);
    if (this.docs.has(key)) throw duplicateKeyError(this.namespace, idIndexSpec, [doc._id]);
    const keys = this.checkedIndexKeys(key, doc);
    this.docs.set(key, doc);
    keys.forEach((docKeys, index) => index.add(key, docKeys));
  }

  replace(previous: Document, next: Document): void {
    checkSize(next);
    const key = idKey(previous._id);
    const keys = this.checkedIndexKeys(key, next);
    this.docs.set(key, next);
    keys.forEach((nextKeys, index) => {
      const previousKeys = index.keysOf(previous);
      if (sameKeys(previousKeys, nextKeys)) return;
      index.remove(key, previousKeys);
      index.add(key, nextKeys);
    });
  }

  remove(doc: Document): void {
    const key = idKey(doc._id);
    if (!this.docs.delete(key)) return;
    for (const index of this.indexes.values()) index.remove(key, index.keysOf(doc));
  }

  /** Documents that may match `filter`: an index's candidates when one applies, else every document. */
  candidates(filter: Document): Document[] {
    if (filter._id !== undefined && (typeof filter._id !== 'object' || isIdValue(filter._id))) {
      const doc = this.get(filter._id);
      return doc ? [doc] : [];
    }
    const plan = planQuery(filter, this.indexes.values());
    if (!plan) return [...this.docs.values()];
    const ids = new Set<string>();
    plan.index.lookup(plan.bounds, ids);
    const found: Document[] = [];
    for (const id of ids) {
      const doc = this.docs.get(id);
      if (doc) found.push(doc);
    }
    return found;
  }

  /** Documents in `sort` order from an index that provides it, or undefined when none does. */
  orderedCandidates(filter: Document, sort: Record<string, unknown>): Iterable<Document> | undefined {
    const plan = planOrdered(filter, sort, this.indexes.values());
    if (!plan) return undefined;
    const docs = this.docs;
    return (function* () {
      for (const id of plan.index.scan(plan.prefix, plan.reverse)) {
        const doc = docs.get(id);
        if (doc) yield doc;
      }
    })();
  }

  /** The document's keys in every index, computed once for both the uniqueness check and the update. */
  private checkedIndexKeys(key: string, doc: Document): Map<SecondaryIndex, DocumentKeys> {
    const keys = new Map<SecondaryIndex, DocumentKeys>();
    for (const index of this.indexes.values()) {
      const docKeys = index.keysOf(doc);
      const clash = index.findConflict(key, docKeys);
      if (clash) throw duplicateKeyError(this.namespace, index.spec, clash);
      keys.set(index, docKeys);
    }
    return keys;
  }
}

function isIdValue(value: object): boolean {
  return '_bsontype' in value || value instanceof Date;
}

function checkSize(doc: Document): void {
  const size = calculateObjectSize(doc);
  if (size > maxBsonObjectSize)
    throw new CommandError(
      'BSONObjectTooLarge',
      `object to insert too large. size in bytes: ${size}, max size: ${maxBsonObjectSize}`,
    );
}
