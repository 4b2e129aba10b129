// A statistics record from a stored dossier (type import only). Supplement waits and terminal events are read
// from the timeline's status changes: entering status 5 opens a wait, the next change to another status closes
// it; entering 3, 7 or 8 ends processing.
import type { Dossier } from '../models/Dossier';
import type { DossierRecord, SupplementRequest, TerminalEvent, TerminalKind } from './types';

type Source = Pick<
  Dossier,
  | 'code'
  | 'receivingAgencyCode'
  | 'procedure'
  | 'channel'
  | 'status'
  | 'submittedAt'
  | 'receivedAt'
  | 'appointmentAt'
  | 'dueAt'
  | 'resolvedAt'
  | 'returnedAt'
  | 'timeline'
> &
  Partial<Pick<Dossier, 'processHealth'>>;

const terminalByStatus: Partial<Record<number, TerminalKind>> = {
  3: 'refused',
  7: 'withdrawn',
  8: 'stopped',
};

export function recordFromDossier(dossier: Source): DossierRecord {
  const supplementRequests: SupplementRequest[] = [];
  const terminalEvents: TerminalEvent[] = [];
  let open: SupplementRequest | undefined;
  const changes = dossier.timeline
    .filter((event) => event.status !== undefined)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const event of changes) {
    if (event.status === 5) {
      if (!open) {
        open = { requestedAt: event.at };
        supplementRequests.push(open);
      }
      continue;
    }
    if (open) {
      open.suppliedAt = event.at;
      open = undefined;
    }
    const kind = event.status === undefined ? undefined : terminalByStatus[event.status];
    if (kind && !terminalEvents.some((known) => known.kind === kind))
      terminalEvents.push({ kind, at: event.at });
  }
  const dueAt = dossier.appointmentAt ?? dossier.dueAt;
  return {
    code: dossier.code,
    agency: dossier.receivingAgencyCode,
    procedure: dossier.procedure.code,
    channel: dossier.channel,
    status: dossier.status,
    submittedAt: dossier.submittedAt,
    ...(dossier.receivedAt ? { receivedAt: dossier.receivedAt } : {}),
    ...(dueAt ? { dueAt } : {}),
    timeLimit: dossier.procedure.timeLimit,
    ...(dossier.resolvedAt ? { finishedAt: dossier.resolvedAt } : {}),
    ...(dossier.returnedAt ? { returnedAt: dossier.returnedAt } : {}),
    supplementRequests,
    terminalEvents,
    ...(dossier.processHealth ? { processHealth: dossier.processHealth.state } : {}),
  };
}
