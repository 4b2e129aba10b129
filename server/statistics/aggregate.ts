// Statistics straight from the dossier collection. The aggregation pipeline does the database's part: it picks
// the dossiers a period can count (submitted before its end and either still open or touched since its start;
// a dossier that ended before the period was last updated then) and projects only the fields the counting
// reads, with the timeline cut to its status changes. The counting itself is the pure code of count.ts, so both
// paths give the same numbers by construction; what the test proves is that the selection drops nothing.
import type { Model, PipelineStage } from 'mongoose';
import { closedStatuses, dossierStatusCodes } from '../../processes/dossier-status';
import type { Dossier } from '../models/Dossier';
import { statisticsBy, type GroupedStatisticsQuery } from './count';
import { recordFromDossier } from './from-dossier';
import type { DossierRecord, StatisticsRow } from './types';

export interface DossierScope {
  /** Receiving agency codes the reader may see; all when absent. */
  agencyCodes?: string[];
  procedureCodes?: string[];
}

export function statisticsPipeline(from: Date, to: Date, scope: DossierScope = {}): PipelineStage[] {
  const match: Record<string, unknown> = {
    submittedAt: { $lt: to },
    $or: [{ status: { $nin: [...closedStatuses] } }, { updatedAt: { $gte: from } }],
  };
  if (scope.agencyCodes) match.receivingAgencyCode = { $in: scope.agencyCodes };
  if (scope.procedureCodes) match['procedure.code'] = { $in: scope.procedureCodes };
  return [
    { $match: match },
    {
      $project: {
        code: 1,
        receivingAgencyCode: 1,
        'procedure.code': 1,
        'procedure.timeLimit': 1,
        channel: 1,
        status: 1,
        submittedAt: 1,
        receivedAt: 1,
        appointmentAt: 1,
        dueAt: 1,
        resolvedAt: 1,
        returnedAt: 1,
        'processHealth.state': 1,
        timeline: {
          $filter: {
            input: '$timeline',
            as: 'event',
            cond: { $in: ['$$event.status', [...dossierStatusCodes]] },
          },
        },
      },
    },
  ];
}

type Projected = Parameters<typeof recordFromDossier>[0];

export async function loadStatisticsRecords(
  dossiers: Model<Dossier>,
  from: Date,
  to: Date,
  scope: DossierScope = {},
): Promise<DossierRecord[]> {
  const rows = await dossiers.aggregate<Projected>(statisticsPipeline(from, to, scope));
  return rows.map((row) => recordFromDossier({ ...row, timeline: row.timeline ?? [] }));
}

export async function dossierStatistics(
  dossiers: Model<Dossier>,
  query: GroupedStatisticsQuery & DossierScope,
): Promise<StatisticsRow[]> {
  const records = await loadStatisticsRecords(dossiers, query.from, query.to, query);
  return statisticsBy(records, query);
}
