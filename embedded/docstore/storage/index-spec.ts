// An index as createIndexes describes it and listIndexes returns it.
import type { Document } from 'bson';
import { CommandError } from '../errors';

export interface IndexSpec {
  v: 2;
  key: Record<string, number | string>;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Document;
  expireAfterSeconds?: number;
  collation?: Document;
}

export function defaultIndexName(key: Record<string, unknown>): string {
  return Object.entries(key)
    .map(([field, direction]) => `${field}_${String(direction)}`)
    .join('_');
}

export function parseIndexSpec(raw: Document): IndexSpec {
  const key = raw.key as Record<string, number | string> | undefined;
  if (!key || typeof key !== 'object' || Object.keys(key).length === 0)
    throw new CommandError('BadValue', "The 'key' field is a required property of an index specification");
  for (const [field, direction] of Object.entries(key)) {
    const value = typeof direction === 'object' ? Number(direction) : direction;
    if (value !== 1 && value !== -1)
      throw new CommandError(
        'CommandNotSupported',
        `Unsupported index type for field '${field}': ${String(direction)}`,
      );
    key[field] = value;
  }
  const name = typeof raw.name === 'string' ? raw.name : defaultIndexName(key);
  const spec: IndexSpec = { v: 2, key, name };
  if (raw.unique) spec.unique = true;
  if (raw.sparse) spec.sparse = true;
  if (raw.partialFilterExpression) spec.partialFilterExpression = raw.partialFilterExpression as Document;
  if (raw.expireAfterSeconds !== undefined) spec.expireAfterSeconds = Number(raw.expireAfterSeconds);
  if (raw.collation) spec.collation = raw.collation as Document;
  return spec;
}

export function sameIndexOptions(a: IndexSpec, b: IndexSpec): boolean {
  return (
    JSON.stringify(a.key) === JSON.stringify(b.key) &&
    !!a.unique === !!b.unique &&
    !!a.sparse === !!b.sparse &&
    a.expireAfterSeconds === b.expireAfterSeconds &&
    JSON.stringify(a.partialFilterExpression ?? null) === JSON.stringify(b.partialFilterExpression ?? null)
  );
}
