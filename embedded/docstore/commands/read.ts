// Read commands: find, getMore, killCursors, count, distinct, aggregate.
import { Long, type Document } from 'bson';
import { Aggregator } from 'mingo';
import { compileQuery, matching, project } from '../storage/mingo-query';
import { CommandError, fromQueryError } from '../errors';
import { valuesAtPath } from '../storage/field-path';
import { structuralClone } from '../storage/structural-clone';
import { asDocument, asNumber, collectionName, queryOptions, type CommandContext } from './context';

function collectionOf(context: CommandContext, name: string) {
  return context.store.database(context.dbName)?.collection(name);
}

export function findCommand(context: CommandContext): Document {
  const { command } = context;
  const name = collectionName(context, 'find');
  const filter = asDocument(command.filter, 'filter') ?? {};
  const options = queryOptions(context, command.collation);
  const collection = collectionOf(context, name);
  let docs: Document[];
  try {
    const sort = asDocument(command.sort, 'sort');
    const sorting = sort && Object.keys(sort).length > 0 && !('$natural' in sort) ? sort : undefined;
    const skip = asNumber(command.skip);
    if (skip < 0) throw new CommandError('BadValue', 'skip value must be non-negative');
    const limit = Math.abs(asNumber(command.limit));
    // A sorted page (the officers' lists) walks an index in order and stops at skip + limit matches.
    const ordered =
      sorting && limit && !command.collation ? collection?.orderedCandidates(filter, sorting) : undefined;
    if (ordered) {
      const query = compileQuery(filter, options);
      docs = [];
      let skipped = 0;
      for (const doc of ordered) {
        if (!query.test(doc)) continue;
        if (skipped < skip) skipped += 1;
        else docs.push(doc);
        if (docs.length >= limit) break;
      }
    } else {
      const cursor = matching(collection, filter, options);
      if (sorting) cursor.sort(sorting as Record<string, 1 | -1>);
      if (skip) cursor.skip(skip);
      if (limit) cursor.limit(limit);
      docs = cursor.all() as Document[];
    }
    const projection = asDocument(command.projection, 'projection');
    if (projection && Object.keys(projection).length) docs = project(docs, projection, options);
  } catch (error) {
    throw fromQueryError(error);
  }
  const single = command.singleBatch === true || asNumber(command.limit) < 0;
  const batchSize = command.batchSize === undefined ? undefined : asNumber(command.batchSize);
  return context.cursors.start(`${context.dbName}.${name}`, docs, batchSize, single);
}

export function getMoreCommand(context: CommandContext): Document {
  const { command } = context;
  const id = command.getMore instanceof Long ? command.getMore : Long.fromNumber(asNumber(command.getMore));
  if (typeof command.collection !== 'string')
    throw new CommandError('TypeMismatch', "BSON field 'getMore.collection' is missing but a required field");
  const batchSize = command.batchSize === undefined ? undefined : asNumber(command.batchSize);
  return context.cursors.more(`${context.dbName}.${command.collection}`, id, batchSize);
}

export function killCursorsCommand(context: CommandContext): Document {
  const ids = (Array.isArray(context.command.cursors) ? context.command.cursors : []).map((id: unknown) =>
    id instanceof Long ? id : Long.fromNumber(asNumber(id)),
  );
  const { killed, notFound } = context.cursors.kill(ids);
  return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
}

export function countCommand(context: CommandContext): Document {
  const { command } = context;
  const name = collectionName(context, 'count');
  const filter = asDocument(command.query, 'query') ?? {};
  const collection = collectionOf(context, name);
  let n: number;
  try {
    if (Object.keys(filter).length === 0) n = collection?.docs.size ?? 0;
    else n = matching(collection, filter, queryOptions(context, command.collation)).all().length;
  } catch (error) {
    throw fromQueryError(error);
  }
  n = Math.max(0, n - asNumber(command.skip));
  const limit = Math.abs(asNumber(command.limit));
  if (limit) n = Math.min(n, limit);
  return { n, ok: 1 };
}

export function distinctCommand(context: CommandContext): Document {
  const { command } = context;
  const name = collectionName(context, 'distinct');
  if (typeof command.key !== 'string')
    throw new CommandError('TypeMismatch', "BSON field 'distinct.key' is missing but a required field");
  const filter = asDocument(command.query, 'query') ?? {};
  let docs: Document[];
  try {
    docs = matching(collectionOf(context, name), filter, queryOptions(context, command.collation)).all();
  } catch (error) {
    throw fromQueryError(error);
  }
  // $group by the (unwound) values gives MongoDB's equality and collation semantics for de-duplication.
  const values: Document[] = [];
  for (const doc of docs)
    for (const value of valuesAtPath(doc, command.key).values)
      if (value !== undefined) values.push({ v: value });
  const grouped = new Aggregator([{ $group: { _id: '$v' } }], queryOptions(context, command.collation)).run(
    values,
  );
  return { values: grouped.map((g) => g._id), ok: 1 };
}

const unsupportedStages = [
  '$out',
  '$merge',
  '$changeStream',
  '$currentOp',
  '$listSessions',
  '$indexStats',
  '$collStats',
];

export function aggregateCommand(context: CommandContext): Document {
  const { command } = context;
  if (!Array.isArray(command.pipeline))
    throw new CommandError('TypeMismatch', "BSON field 'aggregate.pipeline' is missing but a required field");
  const pipeline = command.pipeline as Document[];
  for (const stage of pipeline) {
    const stageName = Object.keys(stage)[0] ?? '';
    if (unsupportedStages.includes(stageName))
      throw new CommandError('CommandNotSupported', `${stageName} is not supported by this store`);
  }
  if (command.explain)
    throw new CommandError('CommandNotSupported', 'explain is not supported by this store');
  const name = typeof command.aggregate === 'string' ? command.aggregate : '';
  const collection = name ? collectionOf(context, name) : undefined;
  const options = queryOptions(context, command.collation);
  let docs: Document[];
  try {
    // The leading $match runs here (through an index when one applies) so only its survivors are copied.
    const first = pipeline[0];
    const leadingMatch = first && first.$match ? (first.$match as Document) : undefined;
    let source: Document[] = [];
    if (collection && leadingMatch) source = matching(collection, leadingMatch, options).all();
    else if (collection) source = [...collection.docs.values()];
    const rest = leadingMatch ? pipeline.slice(1) : pipeline;
    docs = new Aggregator(rest, options).run(
      readsOnly(rest) ? source : source.map(structuralClone),
    ) as Document[];
  } catch (error) {
    throw fromQueryError(error);
  }
  const cursorOptions = asDocument(command.cursor, 'cursor') ?? {};
  const batchSize = cursorOptions.batchSize === undefined ? undefined : asNumber(cursorOptions.batchSize);
  return context.cursors.start(`${context.dbName}.${name || '$cmd.aggregate'}`, docs, batchSize);
}

/** Stages that build new documents and never edit their input, so stored documents can feed them uncopied. */
const nonMutatingStages = new Set(['$match', '$group', '$sort', '$limit', '$skip', '$count', '$sortByCount']);

function readsOnly(pipeline: Document[]): boolean {
  return pipeline.every((stage) => {
    const [name, spec] = Object.entries(stage)[0] ?? [];
    if (name === '$facet' && spec && typeof spec === 'object')
      return Object.values(spec as Record<string, Document[]>).every((p) => Array.isArray(p) && readsOnly(p));
    return name !== undefined && nonMutatingStages.has(name);
  });
}
