// What every command handler receives, and small readers for command arguments.
import { Long, type Document } from 'bson';
import type { Options } from 'mingo/types';
import { CommandError } from '../errors';
import type { ConnectionAuth } from '../auth/connection-auth';
import type { CursorRegistry } from '../cursors';
import type { Store } from '../storage/store';

export interface CommandContext {
  store: Store;
  cursors: CursorRegistry;
  dbName: string;
  command: Document;
  connectionId: number;
  /** Who this connection has authenticated as, and the conversation under way. */
  auth: ConnectionAuth;
}

export type CommandHandler = (context: CommandContext) => Promise<Document> | Document;

export function asNumber(value: unknown, fallback = 0): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number') return value;
  if (value instanceof Long) return value.toNumber();
  if (typeof value === 'object' && 'valueOf' in value) return Number(value.valueOf());
  return Number(value);
}

export function asDocument(value: unknown, field: string): Document | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw new CommandError(
      'TypeMismatch',
      `BSON field '${field}' is the wrong type '${typeof value}', expected type 'object'`,
    );
  return value as Document;
}

export function collectionName(context: CommandContext, commandName: string): string {
  const name = context.command[commandName];
  if (typeof name !== 'string')
    throw new CommandError('InvalidNamespace', `collection name has invalid type ${typeof name}`);
  return name;
}

/** Mingo options for one command: its collation and a resolver so $lookup reads sibling collections. */
export function queryOptions(context: CommandContext, collation?: unknown): Partial<Options> {
  const db = context.store.database(context.dbName);
  const options: { -readonly [K in keyof Options]?: Options[K] } = {
    collectionResolver: (name: string) => [...(db?.collection(name)?.docs.values() ?? [])],
  };
  if (collation && typeof collation === 'object') {
    const spec = collation as { locale?: string; strength?: number };
    if (spec.locale && spec.locale !== 'simple')
      options.collation = { ...(collation as Document), locale: spec.locale };
  }
  return options;
}
