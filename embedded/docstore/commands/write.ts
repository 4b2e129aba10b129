// Write commands: insert, update, delete, findAndModify. Changes are applied in memory, journalled, and
// acknowledged only after the journal is fsynced.
import { ObjectId, type Document } from 'bson';
import type { Options } from 'mingo/types';
import { matching, project } from '../storage/mingo-query';
import { CommandError, errorReply, fromQueryError } from '../errors';
import { changedDocument, upsertDocument, type UpdateRequest } from '../storage/apply-update';
import type { Collection } from '../storage/collection';
import type { JournalRecord } from '../storage/journal-record';
import { asDocument, asNumber, collectionName, queryOptions, type CommandContext } from './context';

function writeError(index: number, error: unknown): Document {
  const { ok: _ok, codeName: _codeName, ...rest } = errorReply(error);
  return { index, ...rest };
}

function statements(context: CommandContext, field: string): Document[] {
  const value = context.command[field];
  if (!Array.isArray(value))
    throw new CommandError('TypeMismatch', `BSON field '${field}' is missing but a required field`);
  return value as Document[];
}

async function withCollection(context: CommandContext, commandName: string) {
  const name = collectionName(context, commandName);
  const db = await context.store.ensureDatabase(context.dbName);
  const records: JournalRecord[] = [];
  return { db, name, records, collection: () => db.ensureCollection(name, records) };
}

function reply(base: Document, writeErrors: Document[]): Document {
  return writeErrors.length ? { ...base, writeErrors, ok: 1 } : { ...base, ok: 1 };
}

export async function insertCommand(context: CommandContext): Promise<Document> {
  const documents = statements(context, 'documents');
  const ordered = context.command.ordered !== false;
  const { db, name, records, collection } = await withCollection(context, 'insert');
  const writeErrors: Document[] = [];
  let n = 0;
  documents.forEach((raw, index) => {
    if (ordered && writeErrors.length) return;
    try {
      const doc = raw._id === undefined ? { _id: new ObjectId(), ...raw } : raw;
      collection().insert(doc);
      records.push({ t: 'i', c: name, d: doc });
      n += 1;
    } catch (error) {
      writeErrors.push(writeError(index, error));
    }
  });
  await db.persist(records);
  return reply({ n }, writeErrors);
}

function matchingDocs(
  collection: Collection | undefined,
  filter: Document,
  options: Partial<Options>,
  sort?: Document,
) {
  if (!collection) return [];
  try {
    const cursor = matching(collection, filter, options);
    if (sort && Object.keys(sort).length) cursor.sort(sort as Record<string, 1 | -1>);
    return cursor.all() as Document[];
  } catch (error) {
    throw fromQueryError(error);
  }
}

export async function updateCommand(context: CommandContext): Promise<Document> {
  const updates = statements(context, 'updates');
  const ordered = context.command.ordered !== false;
  const { db, name, records, collection } = await withCollection(context, 'update');
  const writeErrors: Document[] = [];
  const upserted: Document[] = [];
  let n = 0;
  let nModified = 0;
  updates.forEach((statement, index) => {
    if (ordered && writeErrors.length) return;
    try {
      const filter = asDocument(statement.q, 'q') ?? {};
      const request: UpdateRequest = {
        update: statement.u as Document,
        filter,
        options: queryOptions(context, statement.collation),
        ...(Array.isArray(statement.arrayFilters)
          ? { arrayFilters: statement.arrayFilters as Document[] }
          : {}),
      };
      if (!request.update || typeof request.update !== 'object')
        throw new CommandError(
          'FailedToParse',
          "BSON field 'update.updates.u' is missing but a required field",
        );
      if (
        !Array.isArray(request.update) &&
        statement.multi &&
        !Object.keys(request.update).every((k) => k.startsWith('$'))
      )
        throw new CommandError('FailedToParse', 'multi update is not supported for replacement-style update');
      const coll = db.collection(name);
      let docs = matchingDocs(coll, filter, request.options, asDocument(statement.sort, 'sort'));
      if (!statement.multi) docs = docs.slice(0, 1);
      for (const doc of docs) {
        const next = changedDocument(doc, request);
        n += 1;
        if (!next) continue;
        collection().replace(doc, next);
        records.push({ t: 'u', c: name, d: next });
        nModified += 1;
      }
      if (docs.length === 0 && statement.upsert) {
        const doc = upsertDocument(request);
        collection().insert(doc);
        records.push({ t: 'i', c: name, d: doc });
        upserted.push({ index, _id: doc._id });
        n += 1;
      }
    } catch (error) {
      writeErrors.push(writeError(index, error));
    }
  });
  await db.persist(records);
  return reply(upserted.length ? { n, nModified, upserted } : { n, nModified }, writeErrors);
}

export async function deleteCommand(context: CommandContext): Promise<Document> {
  const deletes = statements(context, 'deletes');
  const ordered = context.command.ordered !== false;
  const { db, name, records } = await withCollection(context, 'delete');
  const writeErrors: Document[] = [];
  let n = 0;
  deletes.forEach((statement, index) => {
    if (ordered && writeErrors.length) return;
    try {
      const filter = asDocument(statement.q, 'q') ?? {};
      const coll = db.collection(name);
      let docs = matchingDocs(coll, filter, queryOptions(context, statement.collation));
      if (asNumber(statement.limit) === 1) docs = docs.slice(0, 1);
      for (const doc of docs) {
        coll?.remove(doc);
        records.push({ t: 'r', c: name, id: doc._id });
        n += 1;
      }
    } catch (error) {
      writeErrors.push(writeError(index, error));
    }
  });
  await db.persist(records);
  return reply({ n }, writeErrors);
}

export async function findAndModifyCommand(context: CommandContext): Promise<Document> {
  const { command } = context;
  const { db, name, records, collection } = await withCollection(
    context,
    Object.keys(command)[0] ?? 'findAndModify',
  );
  const filter = asDocument(command.query, 'query') ?? {};
  const options = queryOptions(context, command.collation);
  const update = command.update as Document | Document[] | undefined;
  if (!command.remove && !update)
    throw new CommandError('FailedToParse', 'Either an update or remove=true must be specified');
  if (command.remove && update)
    throw new CommandError('FailedToParse', 'Cannot specify both an update and remove=true');
  const request: UpdateRequest = {
    update: update ?? {},
    filter,
    options,
    ...(Array.isArray(command.arrayFilters) ? { arrayFilters: command.arrayFilters as Document[] } : {}),
  };
  const [doc] = matchingDocs(db.collection(name), filter, options, asDocument(command.sort, 'sort'));
  const fields = asDocument(command.fields, 'fields');
  const shaped = (value: Document | undefined) =>
    value && fields && Object.keys(fields).length
      ? (project([value], fields, options)[0] as Document)
      : value;
  let value: Document | undefined;
  let lastErrorObject: Document;
  if (command.remove) {
    if (doc) {
      collection().remove(doc);
      records.push({ t: 'r', c: name, id: doc._id });
    }
    value = doc;
    lastErrorObject = { n: doc ? 1 : 0 };
  } else if (doc) {
    const next = changedDocument(doc, request);
    if (next) {
      collection().replace(doc, next);
      records.push({ t: 'u', c: name, d: next });
    }
    value = command.new ? (next ?? doc) : doc;
    lastErrorObject = { n: 1, updatedExisting: true };
  } else if (command.upsert) {
    const inserted = upsertDocument(request);
    collection().insert(inserted);
    records.push({ t: 'i', c: name, d: inserted });
    value = command.new ? inserted : undefined;
    lastErrorObject = { n: 1, updatedExisting: false, upserted: inserted._id };
  } else {
    lastErrorObject = { n: 0, updatedExisting: false };
  }
  await db.persist(records);
  return { lastErrorObject, value: shaped(value) ?? null, ok: 1 };
}
