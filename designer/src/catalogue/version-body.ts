// The body of "add a draft version": the edited record, diagram, decision tables and form references on top of
// the base version.
import type { LegalRecord } from './legal-record';
import type { ProcedureVersion, VersionBody } from '../api/types';

/** The diagram's executable process id decides the version's bpmnProcessId (the engine deploys it under that id). */
export function processIdOf(bpmnXml: string): string | null {
  const document = new DOMParser().parseFromString(bpmnXml, 'application/xml');
  const processes = Array.from(
    document.getElementsByTagNameNS('http://www.omg.org/spec/BPMN/20100524/MODEL', 'process'),
  );
  const executable = processes.find((p) => p.getAttribute('isExecutable') === 'true') ?? processes[0];
  return executable?.getAttribute('id') ?? null;
}

export function versionBody(input: {
  base: ProcedureVersion;
  record: LegalRecord;
  bpmnXml: string;
  /** The edited tables; absent, the base version's. */
  decisions?: { name: string; dmnXml: string }[];
  changelog: string;
  forms: { formId: string; formVersion: string }[];
}): VersionBody {
  const { base, record, bpmnXml, changelog, forms } = input;
  const decisions = input.decisions ?? base.decisions;
  return {
    changelog,
    bpmnProcessId: processIdOf(bpmnXml) ?? base.bpmnProcessId,
    bpmnXml,
    ...(decisions ? { decisions: decisions.map(({ name, dmnXml }) => ({ name, dmnXml })) } : {}),
    forms,
    timeLimit: record.timeLimit,
    fees: record.fees.map(({ name, amount, collectAt, note }) => ({
      name,
      amount,
      collectAt,
      ...(note ? { note } : {}),
    })),
    components: record.components.map(({ id, name, required, originals, copies, note }) => ({
      id,
      name,
      required,
      originals: originals ?? 0,
      copies: copies ?? 0,
      ...(note ? { note } : {}),
    })),
    onlineLevel: record.onlineLevel,
    ...(base.effectiveFrom ? { effectiveFrom: base.effectiveFrom } : {}),
  };
}
