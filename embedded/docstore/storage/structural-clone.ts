// Copies the arrays and plain objects of a document, sharing its (immutable) BSON values. Mingo's projection
// and some stages edit nested arrays in place, so anything derived from stored documents is shaped on a copy.
import type { Document } from 'bson';

export function structuralClone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(structuralClone) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Document = {};
    for (const key of Object.keys(value)) copy[key] = structuralClone((value as Document)[key]);
    return copy as T;
  }
  return value;
}
