// The form editor's operations on a declaration form (JSON Schema + UI schema): the reformer sees groups of
// fields and edits them; every operation returns a new form, leaving the old one untouched for undo and diffs.
// Fields are UI-schema Controls; their schema node is found through the scope. Nested fields (inside an
// object such as requester) keep their place; new fields go to the root object.
import type { FormDefinition } from '../../../forms/types';

export type SchemaNode = Record<string, unknown>;
export type FieldType = 'text' | 'number' | 'date' | 'choice' | 'cccd' | 'address' | 'file' | 'composite';
export const editableTypes: FieldType[] = ['text', 'number', 'date', 'choice', 'cccd', 'address', 'file'];

export interface ChoiceOption {
  value: string;
  label: string;
}

export interface ShowCondition {
  /** Scope of the field the condition reads, e.g. #/properties/parentsKnown. */
  scope: string;
  equals: string | boolean;
}

export interface FieldView {
  scope: string;
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  options?: ChoiceOption[];
  showWhen?: ShowCondition;
}

export interface GroupView {
  index: number;
  label: string;
  fields: FieldView[];
}

interface UiElement {
  type: string;
  label?: string;
  scope?: string;
  elements?: UiElement[];
  rule?: { effect: string; condition: { scope: string; schema: SchemaNode } };
  options?: Record<string, unknown>;
}

const clone = <T>(value: T): T => structuredClone(value);
const isNode = (v: unknown): v is SchemaNode => typeof v === 'object' && v !== null && !Array.isArray(v);

export const fieldKeyPattern = /^[a-zA-Z][a-zA-Z0-9]{0,39}$/;

function segments(scope: string): string[] {
  const parts = scope.replace(/^#\//, '').split('/');
  const names: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    if (parts[i] !== 'properties' || parts[i + 1] === undefined)
      throw new Error(`unsupported scope ${scope}`);
    names.push(parts[i + 1]!);
  }
  return names;
}

/** The node a local $ref (#/…) points at; undefined when it points nowhere. */
function refTarget(root: SchemaNode, ref: string): SchemaNode | undefined {
  let target: unknown = root;
  for (const part of ref.replace(/^#\//, '').split('/')) target = isNode(target) ? target[part] : undefined;
  return isNode(target) ? target : undefined;
}

function resolve(root: SchemaNode, node: SchemaNode): SchemaNode {
  let current = node;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 10; hops++) {
    const target = refTarget(root, current.$ref);
    if (!target) break;
    current = { ...target, ...Object.fromEntries(Object.entries(current).filter(([k]) => k !== '$ref')) };
  }
  return current;
}

/** The parent object (resolved through refs) and the property node of a scope; null when the scope is broken. */
function locate(
  schema: SchemaNode,
  scope: string,
): { parent: SchemaNode; node: SchemaNode; key: string } | null {
  const names = segments(scope);
  let parent: SchemaNode = schema;
  for (let i = 0; i < names.length; i++) {
    const properties = resolve(schema, parent).properties;
    if (!isNode(properties)) return null;
    const node = properties[names[i]!];
    if (!isNode(node)) return null;
    if (i === names.length - 1) {
      // Writes go to the object that owns `properties` (the ref target for a ref'd parent).
      return { parent: ownerOf(schema, parent), node, key: names[i]! };
    }
    parent = node;
  }
  return null;
}

function ownerOf(root: SchemaNode, node: SchemaNode): SchemaNode {
  let current = node;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 10; hops++) {
    const target = refTarget(root, current.$ref);
    if (!target) break;
    current = target;
  }
  return current;
}

export function fieldType(schema: SchemaNode, node: SchemaNode): FieldType {
  if (typeof node.$ref === 'string') return /address$/i.test(node.$ref) ? 'address' : 'composite';
  const resolved = resolve(schema, node);
  if (resolved.adminUnit) return 'address';
  if (resolved.cccd) return 'cccd';
  if (resolved.format === 'date') return 'date';
  if (resolved.format === 'data-url' || resolved.contentMediaType) return 'file';
  if (Array.isArray(resolved.oneOf) || Array.isArray(resolved.enum)) return 'choice';
  if (resolved.type === 'number' || resolved.type === 'integer') return 'number';
  if (resolved.type === 'string') return 'text';
  return 'composite';
}

function optionsOf(node: SchemaNode): ChoiceOption[] | undefined {
  if (Array.isArray(node.oneOf))
    return (node.oneOf as SchemaNode[]).map((o) => ({
      value: String(o.const),
      label: String(o.title ?? o.const),
    }));
  if (Array.isArray(node.enum))
    return (node.enum as unknown[]).map((v) => ({ value: String(v), label: String(v) }));
  return undefined;
}

function viewOf(form: FormDefinition, control: UiElement): FieldView | null {
  if (!control.scope) return null;
  const found = locate(form.schema, control.scope);
  if (!found) return null;
  const node = resolve(form.schema, found.node);
  const required =
    Array.isArray(found.parent.required) && (found.parent.required as string[]).includes(found.key);
  const condition = control.rule?.effect === 'SHOW' ? control.rule.condition : undefined;
  const equals = condition?.schema.const;
  const view: FieldView = {
    scope: control.scope,
    key: found.key,
    label: control.label ?? String(node.title ?? found.key),
    type: fieldType(form.schema, found.node),
    required,
  };
  if (typeof node.minLength === 'number') view.minLength = node.minLength;
  if (typeof node.maxLength === 'number') view.maxLength = node.maxLength;
  if (typeof node.pattern === 'string') view.pattern = node.pattern;
  const options = optionsOf(node);
  if (options) view.options = options;
  if (condition && (typeof equals === 'string' || typeof equals === 'boolean'))
    view.showWhen = { scope: condition.scope, equals };
  return view;
}

const root = (form: FormDefinition) => form.uischema as unknown as UiElement;

/** Top-level groups of the form; controls outside any group appear as one unnamed group at index -1. */
export function groupsOf(form: FormDefinition): GroupView[] {
  const groups: GroupView[] = [];
  const loose: FieldView[] = [];
  const collect = (element: UiElement, into: FieldView[]) => {
    if (element.type === 'Control') {
      const view = viewOf(form, element);
      if (view) into.push(view);
    }
    element.elements?.forEach((child) => collect(child, into));
  };
  (root(form).elements ?? []).forEach((element, index) => {
    if (element.type === 'Group') {
      const fields: FieldView[] = [];
      collect(element, fields);
      groups.push({ index, label: element.label ?? '', fields });
    } else collect(element, loose);
  });
  return loose.length ? [{ index: -1, label: '', fields: loose }, ...groups] : groups;
}

export const allFields = (form: FormDefinition) => groupsOf(form).flatMap((g) => g.fields);

function findControl(ui: UiElement, scope: string): { list: UiElement[]; at: number } | null {
  const list = ui.elements ?? [];
  for (let i = 0; i < list.length; i++) {
    const element = list[i]!;
    if (element.type === 'Control' && element.scope === scope) return { list, at: i };
    const inner = findControl(element, scope);
    if (inner) return inner;
  }
  return null;
}

function groupElements(ui: UiElement, groupIndex: number): UiElement[] {
  if (groupIndex < 0) return (ui.elements ??= []);
  const group = ui.elements?.[groupIndex];
  if (!group || group.type !== 'Group') throw new Error(`no group at ${groupIndex}`);
  return (group.elements ??= []);
}

export function schemaFor(type: FieldType, form: FormDefinition, addressDefinition?: SchemaNode): SchemaNode {
  switch (type) {
    case 'text':
      return { type: 'string', maxLength: 200 };
    case 'number':
      return { type: 'number' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'choice':
      return { type: 'string', oneOf: [{ const: 'lua-chon-1', title: 'Lựa chọn 1' }] };
    case 'cccd':
      return { type: 'string', cccd: true };
    case 'address': {
      const definitions = form.schema.definitions;
      if (isNode(definitions) && isNode(definitions.address)) return { $ref: '#/definitions/address' };
      return clone(addressDefinition ?? { type: 'object', adminUnit: true, properties: {} });
    }
    case 'file':
      return { type: 'string', format: 'data-url' };
    case 'composite':
      return { type: 'object', properties: {} };
  }
}

export interface NewField {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
}

export type EditProblem = 'key-format' | 'key-taken' | 'label-empty' | 'condition-self' | 'group-not-empty';

export class FormEditError extends Error {
  constructor(readonly problem: EditProblem) {
    super(problem);
  }
}

export function addField(
  form: FormDefinition,
  groupIndex: number,
  field: NewField,
  addressDefinition?: SchemaNode,
): FormDefinition {
  if (!fieldKeyPattern.test(field.key)) throw new FormEditError('key-format');
  if (!field.label.trim()) throw new FormEditError('label-empty');
  const next = clone(form);
  const properties = (next.schema.properties ??= {}) as SchemaNode;
  if (field.key in properties) throw new FormEditError('key-taken');
  properties[field.key] = { ...schemaFor(field.type, next, addressDefinition), title: field.label.trim() };
  if (field.required) next.schema.required = [...((next.schema.required as string[]) ?? []), field.key];
  const scope = `#/properties/${field.key}`;
  groupElements(root(next), groupIndex).push({ type: 'Control', scope, label: field.label.trim() });
  return next;
}

export function removeField(form: FormDefinition, scope: string): FormDefinition {
  const next = clone(form);
  const control = findControl(root(next), scope);
  if (control) control.list.splice(control.at, 1);
  if (!findControl(root(next), scope)) {
    const found = locate(next.schema, scope);
    if (found) {
      delete (found.parent.properties as SchemaNode)[found.key];
      if (Array.isArray(found.parent.required)) {
        found.parent.required = (found.parent.required as string[]).filter((k) => k !== found.key);
        if (!(found.parent.required as string[]).length) delete found.parent.required;
      }
    }
    delete next.labelsEn[scope];
    // Conditions that read the removed field would never hold again; the field they show becomes always shown.
    const strip = (element: UiElement) => {
      if (element.rule?.condition.scope === scope) delete element.rule;
      element.elements?.forEach(strip);
    };
    strip(root(next));
  }
  return next;
}

/** Moves a field by `offset` places within its list, or to the end of another group. */
export function moveField(
  form: FormDefinition,
  scope: string,
  to: { offset: number } | { group: number },
): FormDefinition {
  const next = clone(form);
  const found = findControl(root(next), scope);
  if (!found) return form;
  const [control] = found.list.splice(found.at, 1);
  if ('offset' in to) {
    const at = Math.max(0, Math.min(found.list.length, found.at + to.offset));
    found.list.splice(at, 0, control!);
  } else groupElements(root(next), to.group).push(control!);
  return next;
}

export function addGroup(form: FormDefinition, label: string): FormDefinition {
  if (!label.trim()) throw new FormEditError('label-empty');
  const next = clone(form);
  (root(next).elements ??= []).push({ type: 'Group', label: label.trim(), elements: [] });
  return next;
}

export function renameGroup(form: FormDefinition, groupIndex: number, label: string): FormDefinition {
  if (!label.trim()) throw new FormEditError('label-empty');
  const next = clone(form);
  const group = root(next).elements?.[groupIndex];
  if (group?.type === 'Group') group.label = label;
  return next;
}

export function removeGroup(form: FormDefinition, groupIndex: number): FormDefinition {
  const group = root(form).elements?.[groupIndex];
  if (group?.elements?.length) throw new FormEditError('group-not-empty');
  const next = clone(form);
  root(next).elements?.splice(groupIndex, 1);
  return next;
}

export function moveGroup(form: FormDefinition, groupIndex: number, offset: number): FormDefinition {
  const next = clone(form);
  const list = root(next).elements ?? [];
  const [group] = list.splice(groupIndex, 1);
  if (!group) return form;
  list.splice(Math.max(0, Math.min(list.length, groupIndex + offset)), 0, group);
  return next;
}

export interface FieldPatch {
  label?: string;
  type?: FieldType;
  required?: boolean;
  minLength?: number | null;
  maxLength?: number | null;
  pattern?: string | null;
  options?: ChoiceOption[];
  showWhen?: ShowCondition | null;
}

export function updateField(
  form: FormDefinition,
  scope: string,
  patch: FieldPatch,
  addressDefinition?: SchemaNode,
): FormDefinition {
  const next = clone(form);
  const found = locate(next.schema, scope);
  const control = findControl(root(next), scope);
  if (!found || !control) return form;
  const element = control.list[control.at]!;
  const properties = found.parent.properties as SchemaNode;
  if (patch.type && patch.type !== fieldType(next.schema, found.node)) {
    properties[found.key] = {
      ...schemaFor(patch.type, next, addressDefinition),
      title: found.node.title ?? element.label,
    };
  }
  // A ref'd node is shared with other fields: only its title may be set here, beside the ref.
  const node = properties[found.key] as SchemaNode;
  const own = typeof node.$ref !== 'string';
  if (patch.label !== undefined) {
    if (!patch.label.trim()) throw new FormEditError('label-empty');
    element.label = patch.label;
    node.title = patch.label;
  }
  if (patch.required !== undefined) {
    const required = new Set((found.parent.required as string[] | undefined) ?? []);
    if (patch.required) required.add(found.key);
    else required.delete(found.key);
    if (required.size) found.parent.required = [...required];
    else delete found.parent.required;
  }
  if (own) {
    for (const key of ['minLength', 'maxLength', 'pattern'] as const) {
      const value = patch[key];
      if (value === null) delete node[key];
      else if (value !== undefined) node[key] = value;
    }
    if (patch.options) node.oneOf = patch.options.map((o) => ({ const: o.value, title: o.label }));
  }
  if (patch.showWhen === null) delete element.rule;
  else if (patch.showWhen) {
    if (patch.showWhen.scope === scope) throw new FormEditError('condition-self');
    element.rule = {
      effect: 'SHOW',
      condition: { scope: patch.showWhen.scope, schema: { const: patch.showWhen.equals } },
    };
  }
  return next;
}
