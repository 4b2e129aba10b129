// Live preview of the form being designed, rendered by JSON Forms with the project's renderers, as applicants
// and officers will see it (messages in the user's language).
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JsonForms } from '@jsonforms/react';
import type { UISchemaElement } from '@jsonforms/core';
import type { FormDefinition } from '../../../forms/types';
import { createMotcuaI18n } from '../../../forms/renderers';
import { createMotcuaAjv } from '../../../forms/validation';
import { previewCells, previewRenderers } from './preview-renderers';

const ajv = createMotcuaAjv();

export const FormPreview = memo(function FormPreview({ form }: { form: FormDefinition }) {
  const { i18n } = useTranslation();
  const [data, setData] = useState<unknown>({});
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const translations = useMemo(() => createMotcuaI18n(form, lang), [form, lang]);
  return (
    <JsonForms
      schema={form.schema}
      uischema={form.uischema as UISchemaElement}
      data={data}
      renderers={previewRenderers}
      cells={previewCells}
      ajv={ajv}
      i18n={translations}
      validationMode="ValidateAndShow"
      onChange={({ data: next }) => setData(next)}
    />
  );
});
