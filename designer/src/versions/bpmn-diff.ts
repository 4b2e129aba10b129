// Semantic diff of two BPMN diagrams by element id: added, removed, and changed (type, name or any of its own
// properties, Zeebe extensions included). Layout-only moves do not count as changes.
import { BpmnModdle } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';

export interface ElementChange {
  id: string;
  type: string;
  name?: string;
  /** Top-level properties whose value differs, e.g. name, extensionElements, conditionExpression. */
  properties: string[];
}

export interface DiagramDiff {
  added: ElementChange[];
  removed: ElementChange[];
  changed: ElementChange[];
}

interface ModdleObject {
  $type: string;
  id?: string;
  name?: string;
  $descriptor?: { propertiesByName?: Record<string, { isReference?: boolean }> };
  [key: string]: unknown;
}

const moddle = new BpmnModdle({ zeebe: zeebeSchema });
/** Collections whose members are diagram elements of their own, compared separately. */
const ownElements = new Set([
  'flowElements',
  'artifacts',
  'laneSets',
  'lanes',
  'rootElements',
  'participants',
  'messageFlows',
]);
const skipped = new Set([
  '$parent',
  'di',
  'diagrams',
  'incoming',
  'outgoing',
  '$descriptor',
  '$model',
  '$attrs',
]);

const isObject = (v: unknown): v is ModdleObject => typeof v === 'object' && v !== null && '$type' in v;

function canonical(value: unknown, reference: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v, reference));
  if (!isObject(value)) return value;
  if (reference) return `#${value.id ?? '?'}`;
  const out: Record<string, unknown> = { $type: value.$type };
  const byName = value.$descriptor?.propertiesByName ?? {};
  for (const key of Object.keys(value).sort()) {
    if (skipped.has(key) || ownElements.has(key)) continue;
    out[key] = canonical(value[key], !!byName[key]?.isReference);
  }
  const attrs = (value as { $attrs?: Record<string, unknown> }).$attrs;
  if (attrs && Object.keys(attrs).length) out.$attrs = attrs;
  return out;
}

function collect(root: unknown, into: Map<string, ModdleObject>): void {
  if (!isObject(root)) return;
  if (root.id && !root.$type.startsWith('bpmndi:')) into.set(root.id, root);
  for (const key of ownElements) {
    const children = root[key];
    if (Array.isArray(children)) children.forEach((child) => collect(child, into));
  }
}

async function elementsOf(xml: string): Promise<Map<string, ModdleObject>> {
  const { rootElement } = await moddle.fromXML(xml);
  const elements = new Map<string, ModdleObject>();
  const definitions = rootElement as ModdleObject;
  ((definitions.rootElements as unknown[]) ?? []).forEach((r) => collect(r, elements));
  return elements;
}

const summary = (e: ModdleObject, properties: string[] = []): ElementChange => ({
  id: e.id!,
  type: e.$type.replace(/^bpmn:/, ''),
  ...(e.name ? { name: e.name } : {}),
  properties,
});

export async function diffDiagrams(before: string, after: string): Promise<DiagramDiff> {
  const [a, b] = await Promise.all([elementsOf(before), elementsOf(after)]);
  const diff: DiagramDiff = { added: [], removed: [], changed: [] };
  for (const [id, element] of b) if (!a.has(id)) diff.added.push(summary(element));
  for (const [id, element] of a) {
    const next = b.get(id);
    if (!next) {
      diff.removed.push(summary(element));
      continue;
    }
    const left = canonical(element, false) as Record<string, unknown>;
    const right = canonical(next, false) as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
    const properties = keys.filter((k) => JSON.stringify(left[k]) !== JSON.stringify(right[k]));
    if (properties.length) diff.changed.push(summary(next, properties));
  }
  return diff;
}
