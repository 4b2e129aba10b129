// Counts of Decision 766/QĐ-TTg over a period [from, to): received by channel, carried over, resolved early / on
// time / late, pending in time / overdue at the period end, refused, stopped, withdrawn, average processing time.
// Early and on time are reported apart here; the national on-time rate adds them. A dossier the machine has
// trouble with (incident, stalled, missing instance) is counted apart, never as resolved.
import { WorkingCalendar } from '../../processes/calendar';
import { endedBefore, endingOf, gradeAt, openClockEnd, processingHours } from './dossier-clock';
import { periodsBetween } from './periods';
import type { DossierCounts, DossierRecord, GroupKey, PeriodKind, StatisticsRow } from './types';
import { checkRecord } from './validate';

export interface StatisticsOptions {
  /** Needed only for dossiers without an appointment; defaults to the bundled statutory calendar. */
  calendar?: WorkingCalendar;
}

export function emptyCounts(): DossierCounts {
  return {
    received: { total: 0, counter: 0, online: 0, post: 0 },
    carriedOver: 0,
    resolved: { total: 0, early: 0, onTime: 0, late: 0 },
    pending: { total: 0, inTime: 0, overdue: 0 },
    refused: 0,
    stopped: 0,
    withdrawn: 0,
    processIncident: 0,
    onTimeRate: null,
    averageProcessingHours: null,
  };
}

const within = (instant: Date | undefined, from: Date, to: Date) =>
  !!instant && instant >= from && instant < to;

export function countDossiers(
  records: readonly DossierRecord[],
  from: Date,
  to: Date,
  options: StatisticsOptions = {},
): DossierCounts {
  records.forEach(checkRecord);
  return countChecked(records, from, to, options.calendar ?? new WorkingCalendar());
}

/** A period can count only dossiers submitted before its end that had not ended before its start. */
const mayCount = (record: DossierRecord, from: Date, to: Date) =>
  record.submittedAt < to && !endedBefore(record, from);

function countChecked(
  records: readonly DossierRecord[],
  from: Date,
  to: Date,
  calendar: WorkingCalendar,
): DossierCounts {
  const counts = emptyCounts();
  let totalHours = 0;
  for (const record of records) {
    if (!mayCount(record, from, to)) continue;
    const ending = endingOf(record);
    if (within(record.receivedAt, from, to)) {
      counts.received.total += 1;
      counts.received[record.channel] += 1;
    }
    if (record.receivedAt && record.receivedAt < from && !endedBefore(record, from)) counts.carriedOver += 1;

    if (ending && within(ending.at, from, to)) {
      if ((ending.kind === 'finished' || ending.kind === 'returned') && record.processHealth) {
        counts.processIncident += 1;
      } else if (ending.kind === 'finished' || ending.kind === 'returned') {
        const grade = gradeAt(record, ending.at, calendar);
        counts.resolved.total += 1;
        if (grade === 'early') counts.resolved.early += 1;
        else if (grade === 'on-time') counts.resolved.onTime += 1;
        else counts.resolved.late += 1;
        totalHours += processingHours(record, ending.at);
      } else counts[ending.kind] += 1;
    }

    if (record.receivedAt && record.receivedAt < to && !endedBefore(record, to)) {
      counts.pending.total += 1;
      if (gradeAt(record, openClockEnd(record, to), calendar) === 'late') counts.pending.overdue += 1;
      else counts.pending.inTime += 1;
    }
  }
  if (counts.resolved.total > 0) {
    counts.onTimeRate = (counts.resolved.early + counts.resolved.onTime) / counts.resolved.total;
    counts.averageProcessingHours = totalHours / counts.resolved.total;
  }
  return counts;
}

export interface GroupedStatisticsQuery extends StatisticsOptions {
  from: Date;
  to: Date;
  groupBy: GroupKey[];
  /** Period length when grouping by period; month by default. */
  period?: PeriodKind;
}

/** Counts per agency, procedure and/or period; a group appears once it has a dossier. */
export function statisticsBy(
  records: readonly DossierRecord[],
  query: GroupedStatisticsQuery,
): StatisticsRow[] {
  const byAgency = query.groupBy.includes('agency');
  const byProcedure = query.groupBy.includes('procedure');
  const periods = query.groupBy.includes('period')
    ? periodsBetween(query.period ?? 'month', query.from, query.to)
    : [{ key: undefined, from: query.from, to: query.to }];
  const calendar = query.calendar ?? new WorkingCalendar();
  records.forEach(checkRecord);

  const groups = new Map<string, { agency?: string; procedure?: string; records: DossierRecord[] }>();
  for (const record of records) {
    const agency = byAgency ? record.agency : undefined;
    const procedure = byProcedure ? record.procedure : undefined;
    const key = JSON.stringify([agency, procedure]);
    const group = groups.get(key) ?? { agency, procedure, records: [] };
    group.records.push(record);
    groups.set(key, group);
  }

  const rows: StatisticsRow[] = [];
  const sortedKeys = [...groups.keys()].sort();
  for (const key of sortedKeys) {
    const group = groups.get(key);
    if (!group) continue;
    for (const period of periods) {
      rows.push({
        ...(group.agency !== undefined ? { agency: group.agency } : {}),
        ...(group.procedure !== undefined ? { procedure: group.procedure } : {}),
        ...(period.key !== undefined ? { period: period.key } : {}),
        from: period.from,
        to: period.to,
        counts: countChecked(group.records, period.from, period.to, calendar),
      });
    }
  }
  return rows;
}
