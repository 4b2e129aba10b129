// A procedure version's legal record as the designer edits it, and its checks (the same bounds as the API's).
import type { DossierComponent, Fee, ProcedureVersion, TimeLimit } from '../api/types';

export interface LegalRecord {
  timeLimit: TimeLimit;
  fees: Fee[];
  components: DossierComponent[];
  onlineLevel: ProcedureVersion['onlineLevel'];
}

export interface RecordError {
  path: string;
  key: string;
  params?: Record<string, string | number>;
}

export const recordOf = (version: ProcedureVersion): LegalRecord => ({
  timeLimit: { ...version.timeLimit },
  fees: version.fees.map((f) => ({ ...f })),
  components: version.components.map((c) => ({ ...c })),
  onlineLevel: version.onlineLevel,
});

const componentId = /^[a-z0-9][a-z0-9-]{0,59}$/;

export function validateRecord(record: LegalRecord): RecordError[] {
  const errors: RecordError[] = [];
  const { value, sameDayCutoff } = record.timeLimit;
  if (!Number.isFinite(value) || value < 0 || value > 3650)
    errors.push({ path: 'timeLimit.value', key: 'timeLimit' });
  if (sameDayCutoff && !/^([01]\d|2[0-3]):[0-5]\d$/.test(sameDayCutoff))
    errors.push({ path: 'timeLimit.sameDayCutoff', key: 'cutoff' });
  record.fees.forEach((fee, index) => {
    const row = index + 1;
    if (!fee.name.trim()) errors.push({ path: `fees[${index}].name`, key: 'feeName', params: { row } });
    if (!Number.isInteger(fee.amount) || fee.amount < 0)
      errors.push({ path: `fees[${index}].amount`, key: 'amount', params: { row } });
  });
  const seen = new Set<string>();
  record.components.forEach((component, index) => {
    const row = index + 1;
    if (!componentId.test(component.id))
      errors.push({ path: `components[${index}].id`, key: 'componentId', params: { row } });
    else if (seen.has(component.id))
      errors.push({
        path: `components[${index}].id`,
        key: 'componentDuplicate',
        params: { row, id: component.id },
      });
    seen.add(component.id);
    if (!component.name.trim())
      errors.push({ path: `components[${index}].name`, key: 'componentName', params: { row } });
  });
  return errors;
}
