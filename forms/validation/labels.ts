// Names a data path the way the form shows it: UI-schema control labels first, then schema titles, with the
// top-level section in brackets so "Họ, chữ đệm và tên" of the mother and of the father stay distinct.
import type { FormDefinition, Lang } from '../types';
import { walkSchema, type SchemaNode } from './schema-walk';

type LabelMap = Map<string, string>;

const labelCache = new WeakMap<object, LabelMap>();

function collectLabels(element: unknown, base: string, into: LabelMap): void {
  if (typeof element !== 'object' || element === null) return;
  const el = element as {
    type?: string;
    scope?: string;
    label?: unknown;
    elements?: unknown[];
    options?: SchemaNode;
  };
  let scope = base;
  if (typeof el.scope === 'string') {
    scope = base === '#' ? el.scope : `${base}${el.scope.slice(1)}`;
    if (typeof el.label === 'string') into.set(scope, el.label);
  }
  for (const child of el.elements ?? []) collectLabels(child, base, into);
  const detail = el.options?.detail;
  if (typeof el.scope === 'string' && detail) collectLabels(detail, `${scope}/items`, into);
}

function uiLabels(form: FormDefinition): LabelMap {
  let map = labelCache.get(form.uischema);
  if (!map) {
    map = new Map();
    collectLabels(form.uischema, '#', map);
    labelCache.set(form.uischema, map);
  }
  return map;
}

export function fieldLabel(form: FormDefinition, dataPath: string, lang: Lang): string {
  const ui = uiLabels(form);
  const parts: string[] = [];
  for (const step of walkSchema(form.schema, dataPath)) {
    if (step.isIndex) {
      const last = parts.pop() ?? '';
      const n = Number(step.segment) + 1;
      parts.push(lang === 'en' ? `${last}, item ${n}` : `${last}, mục ${n}`);
      continue;
    }
    const vi =
      ui.get(step.scope) ?? (typeof step.schema?.title === 'string' ? step.schema.title : step.segment);
    const label = lang === 'en' ? (form.labelsEn[step.scope] ?? form.labelsEn[step.location] ?? vi) : vi;
    parts.push(label);
  }
  if (parts.length === 0) return lang === 'en' ? 'Declaration' : 'Tờ khai';
  const [section, ...rest] = parts;
  return rest.length === 0 ? (section ?? '') : `${rest.join(' – ')} (${section})`;
}
