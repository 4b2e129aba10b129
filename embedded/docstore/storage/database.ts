// One database: its collections and the journal that makes their changes durable.
import type { Document } from 'bson';
import { CommandError } from '../errors';
import { Collection } from './collection';
import type { JournalRecord } from './journal-record';

export interface Persistence {
  /** Resolves once the records are on disk (fsync). */
  append(records: JournalRecord[]): Promise<void>;
}

export class Database {
  readonly collections = new Map<string, Collection>();
  persistence: Persistence | undefined;

  constructor(readonly name: string) {}

  collection(name: string): Collection | undefined {
    return this.collections.get(name);
  }

  /** The collection, created (and journalled into `records`) when missing, as an implicit create does. */
  ensureCollection(name: string, records: JournalRecord[], options: Document = {}): Collection {
    const existing = this.collections.get(name);
    if (existing) return existing;
    validateCollectionName(name);
    const created = new Collection(this.name, name, options);
    this.collections.set(name, created);
    records.push({ t: 'cc', c: name, o: options });
    return created;
  }

  async persist(records: JournalRecord[]): Promise<void> {
    if (records.length && this.persistence) await this.persistence.append(records);
  }
}

export function validateCollectionName(name: string): void {
  if (!name || name.includes('$') || name.includes('\0') || name.startsWith('.'))
    throw new CommandError('InvalidNamespace', `Invalid collection name: ${name}`);
}

export function validateDatabaseName(name: string): void {
  if (!name || /[/\\. "$*<>:|?\0]/.test(name) || name.length > 63)
    throw new CommandError('InvalidNamespace', `Invalid database name: '${name}'`);
}
