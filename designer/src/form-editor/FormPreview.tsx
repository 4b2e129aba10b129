// Live preview of the form being designed, rendered by JSON Forms as applicants and officers will see it.
import { memo, useMemo, useState } from 'react';
import { JsonForms } from '@jsonforms/react';
import type { UISchemaElement } from '@jsonforms/core';
import type { FormDefinition } from '../../../forms/types';
import { createMotcuaAjv } from '../../../forms/validation';
import { previewCells, previewRenderers } from './preview-renderers';

const ajv = createMotcuaAjv();

export const FormPreview = memo(function FormPreview({ form }: { form: FormDefinition }) {
  const [data, setData] = useState<unknown>({});
  const schema = useMemo(() => form.schema, [form.schema]);
  return (
    <JsonForms
      schema={schema}
      uischema={form.uischema as UISchemaElement}
      data={data}
      renderers={previewRenderers}
      cells={previewCells}
      ajv={ajv}
      validationMode="ValidateAndHide"
      onChange={({ data: next }) => setData(next)}
    />
  );
});
