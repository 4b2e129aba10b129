// One dossier's clock as the national index reads it (Decision 766/QĐ-TTg formulas): when processing ended,
// how long the citizen held it, and whether it was early, on time or late.
//  - End = the first of refused, stopped, withdrawn, finished; "returned" only when no finish is recorded.
//  - Time waiting for the citizen's supplement (request → supplied) is subtracted from the elapsed time; a
//    dossier still waiting ends, for grading, at the request.
//  - More than one supplement request makes the dossier late whatever the dates say.
//  - Without an appointment, the due time is computed from the procedure's legal limit.
import {
  classifyCompletion,
  computeDueDate,
  type CompletionTiming,
  type WorkingCalendar,
} from '../../processes/calendar';
import type { DossierRecord, TerminalKind } from './types';

export interface Ending {
  kind: TerminalKind | 'finished' | 'returned';
  at: Date;
}

export function endingOf(record: DossierRecord): Ending | undefined {
  const candidates: Ending[] = record.terminalEvents.map((event) => ({ kind: event.kind, at: event.at }));
  if (record.finishedAt) candidates.push({ kind: 'finished', at: record.finishedAt });
  else if (record.returnedAt) candidates.push({ kind: 'returned', at: record.returnedAt });
  return candidates.reduce<Ending | undefined>(
    (first, c) => (!first || c.at < first.at ? c : first),
    undefined,
  );
}

/** Processing ended strictly before the instant. */
export function endedBefore(record: DossierRecord, instant: Date): boolean {
  const ending = endingOf(record);
  return !!ending && ending.at < instant;
}

/** The instant to grade an open dossier at: `asOf`, or the request it still waits on at that instant. */
export function openClockEnd(record: DossierRecord, asOf: Date): Date {
  const waiting = record.supplementRequests.find(
    (request) => request.requestedAt < asOf && (!request.suppliedAt || request.suppliedAt >= asOf),
  );
  return waiting ? waiting.requestedAt : asOf;
}

const requestsBefore = (record: DossierRecord, end: Date) =>
  record.supplementRequests.filter((request) => request.requestedAt < end);

/** Milliseconds the dossier spent with the citizen before `end`. */
export function supplementMillis(record: DossierRecord, end: Date): number {
  return requestsBefore(record, end).reduce((total, request) => {
    const back = request.suppliedAt && request.suppliedAt < end ? request.suppliedAt : end;
    return total + (back.getTime() - request.requestedAt.getTime());
  }, 0);
}

function dueTime(record: DossierRecord, calendar: WorkingCalendar): Date {
  if (record.dueAt) return record.dueAt;
  if (!record.receivedAt || !record.timeLimit) {
    throw new Error(
      `Hồ sơ ${record.code}: thiếu thời gian hẹn trả (dueAt) và thời hạn giải quyết (timeLimit)`,
    );
  }
  const due = computeDueDate({
    receivedAt: record.receivedAt,
    timeLimit: record.timeLimit,
    calendar,
    channel: record.channel,
  });
  if (!due.dueAt) throw new Error(`Hồ sơ ${record.code}: không tính được hạn giải quyết`);
  return due.dueAt;
}

/** Early, on time or late when processing is measured up to `end`. */
export function gradeAt(record: DossierRecord, end: Date, calendar: WorkingCalendar): CompletionTiming {
  if (requestsBefore(record, end).length > 1) return 'late';
  const counted = new Date(end.getTime() - supplementMillis(record, end));
  const unit = record.timeLimit?.unit ?? 'working-days';
  return classifyCompletion(counted, dueTime(record, calendar), unit);
}

/** Hours from the clock start to `end`, less the time with the citizen. */
export function processingHours(record: DossierRecord, end: Date): number {
  if (!record.receivedAt) throw new Error(`Hồ sơ ${record.code}: thiếu thời gian tiếp nhận (receivedAt)`);
  const millis = end.getTime() - record.receivedAt.getTime() - supplementMillis(record, end);
  return millis / 3_600_000;
}
