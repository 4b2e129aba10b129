/** @jest-environment jsdom */
import { useMemo, useState } from 'react';
import { render, screen } from '@testing-library/react';
import { JsonForms } from '@jsonforms/react';
import { materialCells, materialRenderers } from '@jsonforms/material-renderers';
import type { JsonSchema } from '@jsonforms/core';
import { getForm, listForms, type FormDefinition } from '../../forms/registry';
import { createFormsAjv, validateDeclaration } from '../../forms/validation';
import { createMotcuaI18n, motcuaCells, motcuaRenderers } from '../../forms/renderers';
import { validDeclarations } from './fixtures';

let runtimeCompiled: unknown[] = [];

function Declaration({ form, data }: { form: FormDefinition; data: unknown }) {
  const [ajv] = useState(() => {
    const formsAjv = createFormsAjv();
    runtimeCompiled = formsAjv.runtimeCompiled;
    return formsAjv;
  });
  const i18n = useMemo(() => createMotcuaI18n(form, 'vi'), [form]);
  return (
    <JsonForms
      schema={form.schema as JsonSchema}
      uischema={form.uischema}
      data={data}
      ajv={ajv}
      i18n={i18n}
      renderers={[...motcuaRenderers, ...materialRenderers]}
      cells={[...motcuaCells, ...materialCells]}
    />
  );
}

const ERROR_WORDS = /bắt buộc|không hợp lệ|không đúng|không thuộc|không có trong|không được|phải /;

describe.each(listForms().map((m) => [m.id]))('%s rendered with the Một cửa renderers', (id) => {
  const form = getForm(id)!;

  it('shows every lettered group and no error for a correct declaration, without compiling in the page', () => {
    const { container } = render(<Declaration form={form} data={validDeclarations()[id]} />);
    for (const group of (form.uischema as unknown as { elements: { label: string }[] }).elements) {
      expect(screen.getByText(group.label)).toBeTruthy();
    }
    const helperTexts = [...container.querySelectorAll('.Mui-error')].map((e) => e.textContent ?? '');
    expect(helperTexts.filter((t) => ERROR_WORDS.test(t))).toEqual([]);
    expect(runtimeCompiled).toEqual([]);
  });

  it('names the missing fields in Vietnamese for an empty declaration', () => {
    render(<Declaration form={form} data={{}} />);
    const expected = validateDeclaration(form, {}, { lang: 'vi' }).errors.map((e) => e.message);
    const shown = screen.queryAllByText(/là thông tin bắt buộc\.$/).map((e) => e.textContent);
    expect(shown.length).toBeGreaterThan(0);
    for (const message of shown) expect(expected).toContain(message);
  });
});
