// A total order over BSON values in MongoDB's canonical type order (MinKey < null < numbers < strings <
// objects < arrays < binData < ObjectId < bool < Date < Timestamp < regex < MaxKey), flattened to one
// comparable "part" per value so the B-tree compares cheaply.
import { EJSON, ObjectId } from 'bson';

export interface KeyPart {
  rank: number;
  value: number | string;
  /** -1 / 1: below / above every value of this rank (range bounds such as "any string"). */
  edge?: -1 | 1;
}

export const lowest: KeyPart = { rank: -1, value: 0 };
export const highest: KeyPart = { rank: 1000, value: 0 };

const ranks = {
  minKey: 1,
  nullish: 5,
  number: 10,
  string: 15,
  object: 20,
  array: 25,
  binary: 30,
  objectId: 35,
  boolean: 40,
  date: 45,
  timestamp: 47,
  regex: 50,
  maxKey: 100,
};

function bsonType(value: object): string | undefined {
  const tag = (value as { _bsontype?: unknown })._bsontype;
  return typeof tag === 'string' ? tag : undefined;
}

export function keyPart(value: unknown): KeyPart {
  if (value === null || value === undefined) return { rank: ranks.nullish, value: 0 };
  if (typeof value === 'number') return { rank: ranks.number, value };
  if (typeof value === 'string') return { rank: ranks.string, value };
  if (typeof value === 'boolean') return { rank: ranks.boolean, value: value ? 1 : 0 };
  if (typeof value === 'bigint') return { rank: ranks.number, value: Number(value) };
  if (value instanceof Date) return { rank: ranks.date, value: value.getTime() };
  if (value instanceof RegExp) return { rank: ranks.regex, value: `${value.source}/${value.flags}` };
  if (Array.isArray(value)) return { rank: ranks.array, value: EJSON.stringify(value) };
  if (value instanceof ObjectId) return { rank: ranks.objectId, value: value.toHexString() };
  switch (bsonType(value)) {
    case 'Long':
    case 'Int32':
    case 'Double':
      return { rank: ranks.number, value: Number(value.valueOf()) };
    case 'Decimal128':
      return { rank: ranks.number, value: Number.parseFloat(value.toString()) };
    case 'ObjectId':
      return { rank: ranks.objectId, value: (value as ObjectId).toHexString() };
    case 'Binary':
      return { rank: ranks.binary, value: EJSON.stringify(value) };
    case 'Timestamp':
      return { rank: ranks.timestamp, value: EJSON.stringify(value) };
    case 'MinKey':
      return { rank: ranks.minKey, value: 0 };
    case 'MaxKey':
      return { rank: ranks.maxKey, value: 0 };
    case undefined:
      return { rank: ranks.object, value: EJSON.stringify(value) };
    default:
      return { rank: ranks.object, value: EJSON.stringify(value) };
  }
}

/** Bounds of every value of the same type as `value` (MongoDB's type bracketing for $gt/$lt). */
export function typeEdge(value: unknown, edge: -1 | 1): KeyPart {
  return { rank: keyPart(value).rank, value: 0, edge };
}

export function comparePart(a: KeyPart, b: KeyPart): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  const edgeA = a.edge ?? 0;
  const edgeB = b.edge ?? 0;
  if (edgeA !== 0 || edgeB !== 0) return edgeA - edgeB;
  if (a.value === b.value) return 0;
  return a.value < b.value ? -1 : 1;
}

/** Values a scalar equality or range on an index may use: the planner declines anything else. */
export function isIndexableScalar(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return !Number.isNaN(value);
  return value instanceof Date || value instanceof ObjectId;
}
