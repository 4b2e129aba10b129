// Which of the instances started for a dossier is its own process instance. Zeebe has no "create if absent", so a
// crash between creating an instance and storing its key can leave an instance nobody stored. Each start attempt
// first records a new ticket on the dossier and passes it to the instance (`processTicket`); the key is stored
// once, by the attempt or by the instance's first job, only while that ticket is still the dossier's. Every other
// instance of the dossier's process is an orphan: its first job cancels it before doing anything.
import { randomUUID } from 'node:crypto';
import { DossierModel, type Dossier } from '../models/Dossier';
import { changeDossier } from './dossier-events';

/** The variable a start attempt hands its instance. */
export const PROCESS_TICKET_VARIABLE = 'processTicket';

/** Records a new ticket for the next start attempt; undefined when the dossier already has its instance. */
export async function claimProcessTicket(dossier: Pick<Dossier, '_id'>): Promise<string | undefined> {
  const ticket = randomUUID();
  // The system's bookkeeping of a start attempt, not a change of the dossier: no timeline event.
  const claimed = await changeDossier(dossier._id, {
    set: { processTicket: ticket },
    guard: { processInstanceKey: { $exists: false } },
  });
  return claimed ? ticket : undefined;
}

/**
 * Stores `key` as the dossier's instance if `ticket` is still its current one and no instance is stored yet.
 * Returns the dossier as stored after: its `processInstanceKey` is `key` only if this instance is the dossier's.
 */
export async function bindOwnInstance(
  dossier: Pick<Dossier, '_id' | 'code'>,
  input: { key: string; ticket: string; note: string },
): Promise<Dossier | null> {
  const bound = await changeDossier(dossier._id, {
    event: {
      actor: { kind: 'system', name: 'server' },
      action: 'process.started',
      // Appended once per dossier: the event's key is the guard against a second instance being stored.
      key: `process:${dossier.code}`,
      note: input.note,
    },
    set: { processInstanceKey: input.key },
    guard: { processTicket: input.ticket },
  });
  return bound ?? DossierModel.findById(dossier._id).lean();
}

/** Whether a job's instance claims to be the dossier's own (not an agency's share or a called process). */
export function claimsOwnInstance(
  job: { bpmnProcessId: string; variables: Record<string, unknown> },
  dossier: Pick<Dossier, 'procedure'>,
): job is { bpmnProcessId: string; variables: { processTicket: string } } {
  return (
    typeof job.variables[PROCESS_TICKET_VARIABLE] === 'string' &&
    job.bpmnProcessId === dossier.procedure.bpmnProcessId
  );
}
