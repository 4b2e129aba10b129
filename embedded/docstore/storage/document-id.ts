// Collections are keyed by a string form of _id: equal BSON values give equal keys.
import { EJSON, ObjectId } from 'bson';

export function idKey(id: unknown): string {
  if (id instanceof ObjectId) return `o${id.toHexString()}`;
  if (typeof id === 'string') return `s${id}`;
  if (typeof id === 'number') return `n${id}`;
  return `x${EJSON.stringify({ v: id }, { relaxed: false })}`;
}
