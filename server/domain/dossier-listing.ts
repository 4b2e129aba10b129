// The dossier list: the caller's scope plus the filters of the list query, one page newest first.
import type { QueryFilter } from 'mongoose';
import { DossierModel, type Dossier } from '../models/Dossier';
import type { ListDossiersQuery } from '../api-schemas/dossiers';
import { localDayPeriod } from './local-period';
import { openStatuses } from '../../processes/dossier-status';
import { summaryProjection, type SummarySource } from './dossier-views';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function listFilter(
  scope: QueryFilter<Dossier>,
  query: ListDossiersQuery,
  now: Date,
): QueryFilter<Dossier> {
  const filter: Record<string, unknown> = { ...scope };
  if (query.status) filter.status = { $in: query.status.split(',').map(Number) };
  if (query.procedure) filter['procedure.code'] = query.procedure;
  if (query.code)
    filter.code = query.code.length >= 25 ? query.code : { $regex: `^${escapeRegex(query.code)}` };
  if (query.from || query.to) {
    const { from, to } = localDayPeriod(query);
    filter.submittedAt = { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) };
  }
  if (query.overdue === true) {
    const open = query.status
      ? query.status
          .split(',')
          .map(Number)
          .filter((s) => openStatuses.includes(s as never))
      : openStatuses;
    filter.status = { $in: open };
    filter.dueAt = { $lt: now };
  } else if (query.overdue === false) {
    filter.$or = [{ dueAt: { $gte: now } }, { dueAt: null }, { status: { $nin: openStatuses } }];
  }
  return filter as QueryFilter<Dossier>;
}

export async function listDossiers(scope: QueryFilter<Dossier>, query: ListDossiersQuery, now: Date) {
  const filter = listFilter(scope, query, now);
  const rows = await DossierModel.find(filter, summaryProjection)
    .sort({ submittedAt: -1, _id: -1 })
    .skip((query.page - 1) * query.pageSize)
    .limit(query.pageSize + 1)
    .lean<SummarySource[]>();
  const total = query.includeTotal ? await DossierModel.countDocuments(filter) : undefined;
  return { rows: rows.slice(0, query.pageSize), hasMore: rows.length > query.pageSize, total };
}
