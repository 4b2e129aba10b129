import { getForm, listFormVersions, listForms, type FormDefinition } from '../../forms/registry';
import { createMotcuaAjv, validateDeclaration } from '../../forms/validation';
import { schemaAtScope, type SchemaNode } from '../../forms/validation/schema-walk';
import { validDeclarations } from './fixtures';

const FORM_IDS = [
  'to-khai-khai-sinh',
  'to-khai-ket-hon',
  'to-khai-khai-tu',
  'de-nghi-chung-thuc-ban-sao',
  'giay-de-nghi-dang-ky-ho-kinh-doanh',
  'don-de-nghi-cap-giay-phep-xay-dung-nha-o',
  'to-khai-lien-thong-khai-sinh-tre-duoi-6',
  'to-khai-lien-thong-khai-tu',
];

function form(id: string): FormDefinition {
  const found = getForm(id);
  if (!found) throw new Error(`${id} missing`);
  return found;
}

interface UiNode {
  type: string;
  scope?: string;
  label?: unknown;
  elements?: UiNode[];
  rule?: { condition: { scope: string } };
  options?: { detail?: UiNode };
}

function controls(node: UiNode, out: UiNode[] = []): UiNode[] {
  if (node.type === 'Control') out.push(node);
  for (const child of node.elements ?? []) controls(child, out);
  return out;
}

function schemaAtDefinition(schema: SchemaNode, pointer: string): SchemaNode | undefined {
  let node: unknown = schema;
  for (const part of pointer.replace(/^#\//, '').split('/')) {
    node = typeof node === 'object' && node !== null ? (node as SchemaNode)[part] : undefined;
  }
  return typeof node === 'object' && node !== null ? (node as SchemaNode) : undefined;
}

/** Schema pointers (through properties, items, definitions) of every node that lists oneOf options. */
function optionOwners(
  node: SchemaNode,
  pointer: string,
  out: [string, SchemaNode][] = [],
): [string, SchemaNode][] {
  if (Array.isArray(node.oneOf) && (node.oneOf as SchemaNode[]).every((o) => 'const' in o))
    out.push([pointer, node]);
  for (const key of ['properties', 'definitions'] as const) {
    const children = node[key] as Record<string, SchemaNode> | undefined;
    for (const [name, child] of Object.entries(children ?? {}))
      optionOwners(child, `${pointer}/${key}/${name}`, out);
  }
  if (node.items && typeof node.items === 'object')
    optionOwners(node.items as SchemaNode, `${pointer}/items`, out);
  return out;
}

function schemaExistsAt(schema: SchemaNode, scope: string): boolean {
  return scope !== '#' && schemaAtScope(schema, scope) !== undefined;
}

describe('form registry', () => {
  it('lists the eight procedure forms, latest version each', () => {
    expect(
      listForms()
        .map((m) => m.id)
        .sort(),
    ).toEqual([...FORM_IDS].sort());
    expect(listFormVersions('to-khai-khai-sinh').map((m) => m.version)).toEqual(['2020.1']);
  });

  it('finds a form by id and version and nothing for unknown ones', () => {
    expect(getForm('to-khai-khai-sinh', '2020.1')?.meta.id).toBe('to-khai-khai-sinh');
    expect(getForm('to-khai-khai-sinh', '1999.1')).toBeUndefined();
    expect(getForm('khong-co')).toBeUndefined();
  });
});

describe.each(FORM_IDS)('%s', (id) => {
  it('has complete metadata', () => {
    const { meta } = form(id);
    expect(meta.id).toBe(id);
    expect(meta.title.vi).toMatch(/\p{L}/u);
    expect(meta.title.en).toMatch(/[A-Za-z]/);
    expect(meta.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(meta.legalBasis.length).toBeGreaterThan(0);
    expect(Array.isArray(meta.procedureCodes)).toBe(true);
  });

  it('compiles under the strict Một cửa ajv', () => {
    expect(() => createMotcuaAjv().compile(form(id).schema)).not.toThrow();
    expect(schemaAtScope(form(id).schema, '#/properties/khongCo')).toBeUndefined();
  });

  it('has a UI schema of lettered groups whose controls point at existing schema paths', () => {
    const { schema, uischema } = form(id);
    const root = uischema as unknown as UiNode;
    const groups = root.elements ?? [];
    expect(groups.length).toBeGreaterThanOrEqual(3);
    groups.forEach((g, i) => {
      expect(g.type).toBe('Group');
      expect(String(g.label)).toMatch(new RegExp(`^${String.fromCharCode(65 + i)}\\. `));
    });
    const all = controls(root);
    expect(all.length).toBeGreaterThan(3);
    for (const control of all) {
      expect({ scope: control.scope, exists: schemaExistsAt(schema, control.scope!) }).toEqual({
        scope: control.scope,
        exists: true,
      });
      expect(typeof control.label).toBe('string');
      if (control.rule) expect(schemaExistsAt(schema, control.rule.condition.scope)).toBe(true);
    }
  });

  it('has an English label for every control and only for existing schema pointers', () => {
    const { schema, uischema, labelsEn } = form(id);
    for (const control of controls(uischema as unknown as UiNode)) {
      expect({ scope: control.scope, en: typeof labelsEn[control.scope!] }).toEqual({
        scope: control.scope,
        en: 'string',
      });
    }
    for (const key of Object.keys(labelsEn)) {
      if (key.startsWith('group:')) continue;
      const option = /^(.*)\/oneOf\/([^/]+)$/.exec(key);
      if (option) {
        const owner = schemaAtScope(schema, option[1]!) ?? schemaAtDefinition(schema, option[1]!);
        const consts = ((owner?.oneOf ?? []) as { const: unknown }[]).map((o) => String(o.const));
        expect({ key, exists: consts.includes(option[2]!) }).toEqual({ key, exists: true });
        continue;
      }
      if (key.startsWith('#/definitions/')) {
        expect({ key, exists: schemaAtDefinition(schema, key) !== undefined }).toEqual({ key, exists: true });
        continue;
      }
      expect({ key, exists: schemaExistsAt(schema, key) }).toEqual({ key, exists: true });
    }
    // Every option of every list has an English label, under its own scope or its shared definition.
    for (const [pointer, node] of optionOwners(schema, '#')) {
      for (const o of node.oneOf as { const: unknown }[]) {
        expect({
          pointer,
          option: o.const,
          en: typeof labelsEn[`${pointer}/oneOf/${String(o.const)}`],
        }).toEqual({
          pointer,
          option: o.const,
          en: 'string',
        });
      }
    }
  });

  it('accepts a complete, correct declaration', () => {
    const result = validateDeclaration(form(id), validDeclarations()[id], { lang: 'vi' });
    expect(result).toEqual({ valid: true, errors: [] });
  });

  it('rejects an empty declaration with Vietnamese messages naming each required field', () => {
    const { schema } = form(id);
    const result = validateDeclaration(form(id), {}, { lang: 'vi' });
    expect(result.valid).toBe(false);
    const required = (schema.required as string[]).map((k) => `/${k}`).sort();
    expect(result.errors.map((e) => e.path).sort()).toEqual(required);
    for (const error of result.errors) expect(error.message).toBe(`${error.field} là thông tin bắt buộc.`);
  });
});
