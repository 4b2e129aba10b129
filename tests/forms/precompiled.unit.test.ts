import { getForm, listForms, type FormDefinition } from '../../forms/registry';
import { createFormsAjv, createMotcuaAjv, precompiledValidator } from '../../forms/validation';
import { validDeclarations } from './fixtures';

const forms: FormDefinition[] = listForms().map((m) => getForm(m.id, m.version)!);

function ruleSchemas(element: unknown, into: object[] = []): object[] {
  const el = element as { rule?: { condition?: { schema?: object } }; elements?: unknown[] };
  if (el.rule?.condition?.schema) into.push(el.rule.condition.schema);
  for (const child of el.elements ?? []) ruleSchemas(child, into);
  return into;
}

describe('precompiled validators (for pages whose CSP forbids eval)', () => {
  it.each(forms.map((f) => [f.meta.id, f]))(
    '%s: schema and rule conditions are precompiled (re-run forms/validation/precompile.ts if not)',
    (_id, form) => {
      expect(precompiledValidator(form.schema)).toBeDefined();
      for (const rule of ruleSchemas(form.uischema)) expect(precompiledValidator(rule)).toBeDefined();
    },
  );

  it('is not used for a schema edited after precompiling', () => {
    const form = getForm('to-khai-khai-sinh')!;
    expect(precompiledValidator({ ...form.schema, title: 'Bản sửa' })).toBeUndefined();
  });

  it.each(forms.map((f) => [f.meta.id, f]))(
    '%s: gives the same verdict and errors as ajv at run time',
    (id, form) => {
      const runtime = createMotcuaAjv().compile(form.schema);
      const precompiled = precompiledValidator(form.schema)!;
      const valid = validDeclarations()[id]!;
      const broken = { ...valid, commitment: { confirmed: false, date: '2999-01-01' }, extra: 1 };
      for (const data of [valid, broken, {}, 'không phải đối tượng']) {
        expect(precompiled(data)).toBe(runtime(data));
        const strip = (errors: typeof runtime.errors) =>
          (errors ?? []).map((e) => [e.instancePath, e.keyword, JSON.stringify(e.params)]);
        expect(strip(precompiled.errors)).toEqual(strip(runtime.errors));
      }
    },
  );

  it('hands JSON Forms precompiled validators and counts any run-time compilation', () => {
    const ajv = createFormsAjv();
    const form = getForm('to-khai-khai-sinh')!;
    expect(ajv.compile(form.schema)).toBe(precompiledValidator(form.schema));
    expect(ajv.validate({ const: 'khac' }, 'khac')).toBe(true);
    expect(ajv.validate({ const: 'khac' }, 'cha')).toBe(false);
    expect(ajv.errors?.[0]?.keyword).toBe('const');
    expect(ajv.runtimeCompiled).toEqual([]);
    expect(ajv.validate({ const: 'chua-co' }, 'chua-co')).toBe(true);
    expect(ajv.runtimeCompiled).toEqual([{ const: 'chua-co' }]);
  });
});
