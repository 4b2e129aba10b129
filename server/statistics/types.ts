// Dossier records as the national index (Decision 766/QĐ-TTg) counts them: plain objects, no database types.
import type { TimeLimit } from '../../processes/calendar';

export type StatisticsChannel = 'counter' | 'online' | 'post';

/** A wait for the citizen: from the supplement request to the supplied papers (absent while still waiting). */
export interface SupplementRequest {
  requestedAt: Date;
  suppliedAt?: Date;
}

/** How processing ended, besides finishing (finishedAt) and returning the result (returnedAt). */
export type TerminalKind = 'refused' | 'stopped' | 'withdrawn';

export interface TerminalEvent {
  kind: TerminalKind;
  at: Date;
}

export interface DossierRecord {
  code: string;
  agency: string;
  procedure: string;
  channel: StatisticsChannel;
  /** National status code 1–10, used to check the record is consistent. */
  status: number;
  submittedAt: Date;
  /** When the legal clock started; absent for dossiers never accepted. */
  receivedAt?: Date;
  /** The appointment as issued on the receipt, not moved by supplement waits (those are subtracted here). */
  dueAt?: Date;
  /** The procedure's legal limit: its unit says whether days or instants are compared, and it sets the due time of
   * a dossier that has no appointment. */
  timeLimit?: TimeLimit;
  finishedAt?: Date;
  returnedAt?: Date;
  supplementRequests: SupplementRequest[];
  terminalEvents: TerminalEvent[];
  /**
   * The machine has trouble with the dossier (an incident, a stalled step, a missing instance): its recorded
   * finish is not trusted, so it is counted in `processIncident`, never as resolved, early or on time.
   */
  processHealth?: 'incident' | 'stalled' | 'missing';
}

export interface ReceivedCounts {
  total: number;
  counter: number;
  online: number;
  post: number;
}

export interface DossierCounts {
  /** Clock started within the period, by channel. */
  received: ReceivedCounts;
  /** Clock started before the period and processing not ended when it began. */
  carriedOver: number;
  /** Finished (or returned) within the period, graded against the appointment. */
  resolved: { total: number; early: number; onTime: number; late: number };
  /** Still in processing at the period end. */
  pending: { total: number; inTime: number; overdue: number };
  refused: number;
  stopped: number;
  withdrawn: number;
  /** "Lỗi xử lý": finished (or returned) within the period while the machine has trouble with the dossier. */
  processIncident: number;
  /** (early + on time) / resolved, null when nothing was resolved. */
  onTimeRate: number | null;
  /** Mean of (end − clock start − citizen supplement time) over resolved dossiers, in hours; null when none. */
  averageProcessingHours: number | null;
}

export type PeriodKind = 'month' | 'quarter' | 'year';
export type GroupKey = 'agency' | 'procedure' | 'period';

export interface StatisticsRow {
  agency?: string;
  procedure?: string;
  /** '2026-02', '2026-Q1' or '2026'. */
  period?: string;
  from: Date;
  to: Date;
  counts: DossierCounts;
}
