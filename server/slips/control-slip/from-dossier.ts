// Mẫu 06's data from a dossier's step deadlines; server/domain/dossier-slips.ts puts the inter-agency
// hand-overs in its rows when the transfer worker recorded any.
import { classifyCompletion } from '../../../processes/calendar';
import type { DossierSteps } from '../from-dossier';
import type { SlipAgency } from '../types';
import type { ControlSlipData, HandOver } from './data';

type Id = { toString(): string };

/**
 * The control slip from the dossier's step deadlines: each step's start is a hand-over from the previous step's
 * agency to this one, graded by how the previous step ended against its due time.
 */
export function controlSlipFromDossier(
  dossier: DossierSteps,
  context: { agency: SlipAgency; counterName: string; agencyName: (id: Id | undefined) => string },
): ControlSlipData {
  const steps = [...dossier.stepDeadlines].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  const unit = dossier.procedure.timeLimit.unit === 'working-days' ? 'working-days' : 'hours';
  const handOvers: HandOver[] = [];
  let from = context.counterName;
  let previous: (typeof steps)[number] | undefined;
  for (const step of steps) {
    const to = `${context.agencyName(step.agency)} — ${step.step}`;
    handOvers.push({
      fromAgency: from,
      toAgency: to,
      at: step.startedAt,
      ...(previous?.dueAt ? { result: classifyCompletion(step.startedAt, previous.dueAt, unit) } : {}),
    });
    from = to;
    previous = step;
  }
  if (previous?.finishedAt) {
    handOvers.push({
      fromAgency: from,
      toAgency: context.counterName,
      at: previous.finishedAt,
      ...(previous.dueAt ? { result: classifyCompletion(previous.finishedAt, previous.dueAt, unit) } : {}),
    });
  }
  const agencies = [...new Set(steps.map((step) => context.agencyName(step.agency)))];
  const receivedAt = dossier.receivedAt ?? dossier.submittedAt;
  const appointmentAt = dossier.appointmentAt ?? dossier.dueAt ?? receivedAt;
  return {
    agency: context.agency,
    dossierCode: dossier.code,
    applicant: { name: dossier.applicant.name, address: dossier.applicant.address },
    procedureName: dossier.procedure.name,
    receivedAt,
    appointmentAt,
    leadAgency: agencies[0] ?? context.counterName,
    cooperatingAgencies: agencies.slice(1),
    handOvers,
  };
}
