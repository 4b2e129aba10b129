// A procedure's declaration form, rendered by JSON Forms with the project's controls; errors show after
// touch (JSON Forms' own) or everywhere after a submit attempt.
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { JsonForms } from '@jsonforms/react';
import type { UISchemaElement } from '@jsonforms/core';
import type Ajv from 'ajv';
import type { FormDefinition } from '../../../forms/types';
import { createMotcuaI18n } from '../../../forms/renderers';
import { createFormsAjv } from '../../../forms/validation';
import { previewCells, previewRenderers } from '../form-editor/preview-renderers';

const formsAjv = createFormsAjv();

interface Props {
  form: FormDefinition;
  data: Record<string, unknown>;
  onChange(data: Record<string, unknown>): void;
  readonly?: boolean;
  /** Defaults to the precompiled validators of the shipped forms. */
  ajv?: Ajv;
}

export const DeclarationForm = memo(function DeclarationForm({
  form,
  data,
  onChange,
  readonly,
  ajv = formsAjv,
}: Props) {
  const { i18n } = useTranslation();
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
      validationMode={readonly ? 'NoValidation' : 'ValidateAndShow'}
      readonly={readonly ?? false}
      onChange={({ data: next }) => onChange((next ?? {}) as Record<string, unknown>)}
    />
  );
});
