// Live preview of the form being designed, rendered as applicants and officers will see it (the workspace's
// declaration form, messages in the user's language), with its own scratch data.
import { memo, useState } from 'react';
import type { FormDefinition } from '../../../forms/types';
import { createMotcuaAjv } from '../../../forms/validation';
import { DeclarationForm } from '../workspace/DeclarationForm';

// Compiles at run time: a form being designed has no precompiled validator.
const ajv = createMotcuaAjv();

export const FormPreview = memo(function FormPreview({ form }: { form: FormDefinition }) {
  const [data, setData] = useState<Record<string, unknown>>({});
  return <DeclarationForm form={form} data={data} onChange={setData} ajv={ajv} />;
});
