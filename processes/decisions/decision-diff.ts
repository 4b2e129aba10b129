// What changed in a version's decision tables, in words: per decision (matched by id) the rules added, removed
// or changed (matched by rule id, numbered as in the table), each changed cell with its input or output label.
import { readDecisionTables, type DecisionTable, type TableRule } from './decision-tables';

export interface DecisionChange {
  kind: 'added' | 'removed' | 'changed';
  decisionId: string;
  text: string;
}

type Resources = { name: string; dmnXml: string }[];

async function tablesOf(resources: Resources): Promise<Map<string, DecisionTable>> {
  const tables = new Map<string, DecisionTable>();
  for (const r of resources) for (const t of await readDecisionTables(r.dmnXml)) tables.set(t.id, t);
  return tables;
}

const ruleLabel = (table: DecisionTable, rule: TableRule) => {
  const n = table.rules.indexOf(rule) + 1;
  return `quy tắc ${n}${rule.description ? ` (${rule.description})` : ''}`;
};

const cells = (rule: TableRule) => [...rule.inputEntries, ...rule.outputEntries].join(' | ');

function cellChanges(table: DecisionTable, before: TableRule, after: TableRule): string[] {
  const labels = [
    ...table.inputs.map((i) => i.label || i.expression),
    ...table.outputs.map((o) => o.label || o.name),
  ];
  const a = [...before.inputEntries, ...before.outputEntries];
  const b = [...after.inputEntries, ...after.outputEntries];
  const changes: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if ((a[i] ?? '') !== (b[i] ?? ''))
      changes.push(`${labels[i] ?? `cột ${i + 1}`}: ${a[i] || '—'} → ${b[i] || '—'}`);
  if (before.description !== after.description)
    changes.push(`mô tả: ${before.description || '—'} → ${after.description || '—'}`);
  return changes;
}

export async function diffDecisions(before: Resources, after: Resources): Promise<DecisionChange[]> {
  const [a, b] = await Promise.all([tablesOf(before), tablesOf(after)]);
  const changes: DecisionChange[] = [];
  for (const [id, table] of b)
    if (!a.has(id))
      changes.push({ kind: 'added', decisionId: id, text: `Bảng quyết định "${table.name}" mới` });
  for (const [id, table] of a)
    if (!b.has(id))
      changes.push({ kind: 'removed', decisionId: id, text: `Bảng quyết định "${table.name}" bị bỏ` });
  for (const [id, old] of a) {
    const now = b.get(id);
    if (!now) continue;
    const named = `Bảng "${now.name}"`;
    const oldRules = new Map(old.rules.map((r) => [r.id, r]));
    const newRules = new Map(now.rules.map((r) => [r.id, r]));
    for (const rule of now.rules)
      if (!oldRules.has(rule.id))
        changes.push({
          kind: 'added',
          decisionId: id,
          text: `${named}: thêm ${ruleLabel(now, rule)}: ${cells(rule)}`,
        });
    for (const rule of old.rules)
      if (!newRules.has(rule.id))
        changes.push({
          kind: 'removed',
          decisionId: id,
          text: `${named}: bỏ ${ruleLabel(old, rule)}: ${cells(rule)}`,
        });
    for (const rule of now.rules) {
      const was = oldRules.get(rule.id);
      if (!was) continue;
      const changed = cellChanges(now, was, rule);
      if (changed.length)
        changes.push({
          kind: 'changed',
          decisionId: id,
          text: `${named}: ${ruleLabel(now, rule)} đổi ${changed.join('; ')}`,
        });
    }
  }
  return changes;
}
