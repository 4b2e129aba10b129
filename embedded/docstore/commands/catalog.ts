// Catalog commands: collections, databases and indexes.
import type { Document } from 'bson';
import { find } from '../storage/mingo-query';
import { CommandError } from '../errors';
import { idIndexSpec } from '../storage/collection';
import { validateCollectionName } from '../storage/database';
import { defaultIndexName, parseIndexSpec } from '../storage/index-spec';
import type { JournalRecord } from '../storage/journal-record';
import { asDocument, asNumber, collectionName, type CommandContext } from './context';

export async function createCommand(context: CommandContext): Promise<Document> {
  const name = collectionName(context, 'create');
  validateCollectionName(name);
  const { create: _create, $db: _db, lsid: _lsid, writeConcern: _wc, ...options } = context.command;
  for (const unsupported of ['capped', 'timeseries', 'viewOn', 'clusteredIndex'])
    if (options[unsupported])
      throw new CommandError(
        'CommandNotSupported',
        `create option '${unsupported}' is not supported by this store`,
      );
  const db = await context.store.ensureDatabase(context.dbName);
  if (db.collection(name)) return { ok: 1 };
  const records: JournalRecord[] = [];
  db.ensureCollection(name, records, {});
  await db.persist(records);
  return { ok: 1 };
}

export async function dropCommand(context: CommandContext): Promise<Document> {
  const name = collectionName(context, 'drop');
  const db = context.store.database(context.dbName);
  if (!db?.collection(name)) return { ok: 1 };
  const nIndexesWas = db.collection(name)?.indexSpecs().length;
  db.collections.delete(name);
  await db.persist([{ t: 'dc', c: name }]);
  return { nIndexesWas, ns: `${context.dbName}.${name}`, ok: 1 };
}

export async function dropDatabaseCommand(context: CommandContext): Promise<Document> {
  await context.store.dropDatabase(context.dbName);
  return { ok: 1 };
}

export function listCollectionsCommand(context: CommandContext): Document {
  const db = context.store.database(context.dbName);
  const nameOnly = context.command.nameOnly === true;
  const all = [...(db?.collections.values() ?? [])].map((c) =>
    nameOnly
      ? { name: c.name, type: 'collection' }
      : {
          name: c.name,
          type: 'collection',
          options: c.options,
          info: { readOnly: false },
          idIndex: idIndexSpec,
        },
  );
  const filter = asDocument(context.command.filter, 'filter') ?? {};
  const docs = find(all, filter).all() as Document[];
  const cursor = asDocument(context.command.cursor, 'cursor') ?? {};
  const batchSize = cursor.batchSize === undefined ? undefined : asNumber(cursor.batchSize);
  return context.cursors.start(`${context.dbName}.$cmd.listCollections`, docs, batchSize);
}

export function listDatabasesCommand(context: CommandContext): Document {
  const databases = [...context.store.databases.values()].map((db) => ({
    name: db.name,
    sizeOnDisk: 0,
    empty: db.collections.size === 0,
  }));
  const filtered = find(databases, asDocument(context.command.filter, 'filter') ?? {}).all();
  return context.command.nameOnly
    ? { databases: filtered.map((d) => ({ name: d.name })), ok: 1 }
    : { databases: filtered, totalSize: 0, totalSizeMb: 0, ok: 1 };
}

export async function createIndexesCommand(context: CommandContext): Promise<Document> {
  const name = collectionName(context, 'createIndexes');
  const raw = context.command.indexes;
  if (!Array.isArray(raw) || raw.length === 0)
    throw new CommandError('BadValue', 'Must specify at least one index to create');
  const specs = raw.map((r: Document) => parseIndexSpec(r));
  const db = await context.store.ensureDatabase(context.dbName);
  const records: JournalRecord[] = [];
  const existed = db.collection(name) !== undefined;
  const collection = db.ensureCollection(name, records);
  const numIndexesBefore = collection.indexSpecs().length;
  try {
    for (const spec of specs) if (collection.createIndex(spec)) records.push({ t: 'ci', c: name, s: spec });
  } finally {
    await db.persist(records);
  }
  const numIndexesAfter = collection.indexSpecs().length;
  const result: Document = {
    createdCollectionAutomatically: !existed,
    numIndexesBefore,
    numIndexesAfter,
    ok: 1,
  };
  if (numIndexesAfter === numIndexesBefore) result.note = 'all indexes already exist';
  return result;
}

export function listIndexesCommand(context: CommandContext): Document {
  const name = collectionName(context, 'listIndexes');
  const collection = context.store.database(context.dbName)?.collection(name);
  if (!collection)
    throw new CommandError('NamespaceNotFound', `ns does not exist: ${context.dbName}.${name}`);
  const cursor = asDocument(context.command.cursor, 'cursor') ?? {};
  const batchSize = cursor.batchSize === undefined ? undefined : asNumber(cursor.batchSize);
  return context.cursors.start(
    `${context.dbName}.$cmd.listIndexes.${name}`,
    collection.indexSpecs(),
    batchSize,
  );
}

export async function dropIndexesCommand(context: CommandContext): Promise<Document> {
  const name = collectionName(context, 'dropIndexes');
  const db = context.store.database(context.dbName);
  const collection = db?.collection(name);
  if (!db || !collection)
    throw new CommandError('NamespaceNotFound', `ns not found ${context.dbName}.${name}`);
  const nIndexesWas = collection.indexSpecs().length;
  const target = context.command.index;
  let names: string[];
  if (target === '*') names = [...collection.indexes.keys()];
  else if (typeof target === 'string') names = [target];
  else if (Array.isArray(target)) names = target.map(String);
  else if (target && typeof target === 'object') {
    const wanted = JSON.stringify(target);
    const match = [...collection.indexes.values()].find((i) => JSON.stringify(i.spec.key) === wanted);
    if (!match)
      throw new CommandError(
        'IndexNotFound',
        `can't find index with key: ${defaultIndexName(target as Document)}`,
      );
    names = [match.spec.name];
  } else throw new CommandError('BadValue', "BSON field 'dropIndexes.index' is missing but a required field");
  if (names.includes('_id_')) throw new CommandError('InvalidOptions', 'cannot drop _id index');
  for (const indexName of names) collection.dropIndex(indexName);
  await db.persist(names.map((n) => ({ t: 'di', c: name, n })));
  return { nIndexesWas, ok: 1 };
}
