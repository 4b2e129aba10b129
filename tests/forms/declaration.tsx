// A declaration form as a page renders it: JSON Forms with the Một cửa renderers, the precompiled ajv and
// the form's i18n, holding its data in state.
import { useMemo, useState } from 'react';
import { JsonForms } from '@jsonforms/react';
import { materialCells, materialRenderers } from '@jsonforms/material-renderers';
import type { JsonSchema } from '@jsonforms/core';
import type { FormDefinition, Lang } from '../../forms/registry';
import { createFormsAjv } from '../../forms/validation';
import { createMotcuaI18n, motcuaCells, motcuaRenderers } from '../../forms/renderers';

/** Schemas the last rendered form had to compile at run time (none when everything came precompiled). */
export let runtimeCompiled: unknown[] = [];

export interface DeclarationProps {
  form: FormDefinition;
  initial: unknown;
  lang?: Lang;
  onData?: (data: unknown) => void;
}

export function Declaration({ form, initial, lang = 'vi', onData }: DeclarationProps) {
  const [data, setData] = useState(initial);
  const [ajv] = useState(() => {
    const formsAjv = createFormsAjv();
    runtimeCompiled = formsAjv.runtimeCompiled;
    return formsAjv;
  });
  const i18n = useMemo(() => createMotcuaI18n(form, lang), [form, lang]);
  return (
    <JsonForms
      schema={form.schema as JsonSchema}
      uischema={form.uischema}
      data={data}
      ajv={ajv}
      i18n={i18n}
      renderers={[...motcuaRenderers, ...materialRenderers]}
      cells={[...motcuaCells, ...materialCells]}
      onChange={({ data: next }) => {
        onData?.(next);
        setData(next);
      }}
    />
  );
}
