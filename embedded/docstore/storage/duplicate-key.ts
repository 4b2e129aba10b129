// MongoDB's duplicate-key error: `E11000 duplicate key error collection: db.coll index: name_1 dup key: { name: "x" }`.
import { ObjectId } from 'bson';
import { CommandError } from '../errors';
import type { IndexSpec } from './index-spec';

function shellValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof ObjectId) return `ObjectId('${value.toHexString()}')`;
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (typeof value === 'object' && '_bsontype' in value) return String(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function duplicateKeyError(namespace: string, spec: IndexSpec, values: unknown[]): CommandError {
  const fields = Object.keys(spec.key);
  const shown = fields.map((field, i) => `${field}: ${shellValue(values[i])}`).join(', ');
  const keyValue = Object.fromEntries(fields.map((field, i) => [field, values[i] ?? null]));
  return new CommandError(
    'DuplicateKey',
    `E11000 duplicate key error collection: ${namespace} index: ${spec.name} dup key: { ${shown} }`,
    { keyPattern: spec.key, keyValue },
  );
}
