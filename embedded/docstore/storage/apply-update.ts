// Computes the new version of a document for an update: operator updates and positional paths through mingo's
// updater, pipeline updates through its aggregator, replacements as given. The stored document is never
// touched; the result is a fresh copy.
import { deserialize, ObjectId, serialize, type Document } from 'bson';
import { Aggregator, update as applyOperators } from 'mingo';
import type { Options } from 'mingo/types';
import { CommandError, fromQueryError } from '../errors';
import { bsonReadOptions } from '../wire/codec';

/** A deep copy through BSON; `image` is the document's BSON when the caller already has it. */
export function copyDocument(doc: Document, image: Uint8Array = serialize(doc)): Document {
  return deserialize(image, bsonReadOptions);
}

export function isOperatorUpdate(update: Document): boolean {
  const keys = Object.keys(update);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

export interface UpdateRequest {
  update: Document | Document[];
  filter: Document;
  arrayFilters?: Document[];
  options: Partial<Options>;
}

/** The update's new version of a stored document, or undefined when it changes nothing. */
export function changedDocument(doc: Document, request: UpdateRequest): Document | undefined {
  const image = serialize(doc);
  const next = updatedDocument(doc, request, false, image);
  return Buffer.compare(image, serialize(next)) === 0 ? undefined : next;
}

function updatedDocument(
  doc: Document,
  request: UpdateRequest,
  inserting: boolean,
  image?: Uint8Array,
): Document {
  const { update } = request;
  let next: Document;
  try {
    if (Array.isArray(update)) {
      next = new Aggregator(update, request.options).run([copyDocument(doc, image)])[0] as Document;
    } else if (isOperatorUpdate(update)) {
      next = copyDocument(doc, image);
      const { $setOnInsert, ...modifier } = update;
      if (inserting && $setOnInsert)
        modifier.$set = { ...(modifier.$set as Document), ...($setOnInsert as Document) };
      // mingo refuses any $set of _id; MongoDB allows setting it on insert or to its current value.
      const set = modifier.$set as Document | undefined;
      if (set && '_id' in set) {
        const { _id, ...others } = set;
        if (next._id === undefined) next._id = _id;
        else if (!sameValue(next._id, _id))
          throw new CommandError(
            'ImmutableField',
            "Performing an update on the path '_id' would modify the immutable field '_id'",
          );
        modifier.$set = others;
        if (Object.keys(others).length === 0) delete modifier.$set;
      }
      if (Object.keys(modifier).length)
        applyOperators(next, modifier, request.arrayFilters, inserting ? undefined : request.filter, {
          cloneMode: 'deep',
          queryOptions: request.options,
        });
    } else {
      if (Object.keys(update).some((k) => k.startsWith('$')))
        throw new CommandError(
          'BadValue',
          'The dollar ($) prefixed field in a replacement document is not allowed',
        );
      next = { _id: doc._id, ...copyDocument(update) };
      if (doc._id === undefined) delete next._id;
    }
  } catch (error) {
    throw fromQueryError(error);
  }
  if (!inserting && doc._id !== undefined && !sameValue(next._id, doc._id))
    throw new CommandError(
      'ImmutableField',
      "Performing an update on the path '_id' would modify the immutable field '_id'",
    );
  return next;
}

/** The document an upsert inserts: the filter's equality fields, then the update applied to them. */
export function upsertDocument(request: UpdateRequest): Document {
  const seed: Document = {};
  collectEqualities(request.filter, seed);
  const { _id: seedId, ...seedFields } = seed;
  let base: Document = seedId === undefined ? {} : { _id: seedId };
  if (Object.keys(seedFields).length)
    applyOperators(base, { $set: seedFields }, undefined, undefined, { cloneMode: 'deep' });
  if (!Array.isArray(request.update) && !isOperatorUpdate(request.update))
    base = seedId === undefined ? {} : { _id: seedId };
  const next = updatedDocument(base, request, true);
  if (next._id === undefined) return { _id: new ObjectId(), ...next };
  const { _id, ...rest } = next;
  return { _id, ...rest };
}

function collectEqualities(filter: Document, into: Document): void {
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const clause of condition) collectEqualities(clause as Document, into);
      continue;
    }
    if (field.startsWith('$')) continue;
    if (
      condition &&
      typeof condition === 'object' &&
      !Array.isArray(condition) &&
      !(condition instanceof Date) &&
      !('_bsontype' in condition)
    ) {
      const keys = Object.keys(condition);
      if (keys.length && keys.every((k) => k.startsWith('$'))) {
        if ('$eq' in condition) into[field] = (condition as Document).$eq;
        continue;
      }
    }
    if (condition instanceof RegExp) continue;
    into[field] = condition;
  }
}

export function sameValue(a: unknown, b: unknown): boolean {
  return Buffer.from(serialize({ v: a })).equals(Buffer.from(serialize({ v: b })));
}
