// Diff of two versions of a declaration form, field by field (by data scope): added, removed, and changed
// with the properties that differ (label, type, required, lengths, pattern, options, show condition, group).
import type { FormDefinition } from '../../../forms/types';
import { groupsOf, type FieldView } from '../form-editor/form-model';

export interface FieldChange {
  scope: string;
  label: string;
  properties: string[];
}

export interface FormDiff {
  added: FieldChange[];
  removed: FieldChange[];
  changed: FieldChange[];
}

const compared: (keyof FieldView)[] = [
  'label',
  'type',
  'required',
  'minLength',
  'maxLength',
  'pattern',
  'options',
  'showWhen',
];

function fieldsWithGroup(form: FormDefinition): Map<string, FieldView & { group: string }> {
  return new Map(
    groupsOf(form).flatMap((g) => g.fields.map((f) => [f.scope, { ...f, group: g.label }] as const)),
  );
}

export function diffForms(before: FormDefinition, after: FormDefinition): FormDiff {
  const a = fieldsWithGroup(before);
  const b = fieldsWithGroup(after);
  const diff: FormDiff = { added: [], removed: [], changed: [] };
  for (const [scope, field] of b)
    if (!a.has(scope)) diff.added.push({ scope, label: field.label, properties: [] });
  for (const [scope, field] of a) {
    const next = b.get(scope);
    if (!next) {
      diff.removed.push({ scope, label: field.label, properties: [] });
      continue;
    }
    const properties = [...compared, 'group' as const].filter(
      (key) => JSON.stringify(field[key]) !== JSON.stringify(next[key]),
    );
    if (properties.length) diff.changed.push({ scope, label: next.label, properties });
  }
  return diff;
}
