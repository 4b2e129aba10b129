// A procedure's declaration form, rendered by JSON Forms with the project's controls; a field's errors show once
// the officer has left it, and everywhere after a submit attempt (touched-errors.tsx).
//
// JSON Forms emits its data 10 ms after a change (debounced) and re-initialises from its `data` prop whenever that
// changes. Handing the emitted object straight back would let an older emission overwrite a newer edit made in
// between (fast typing, or a control that sets two fields at once such as a date and the date in words), so the
// form keeps its own copy and takes the prop again only when it is not what the form itself emitted (a reset).
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JsonForms } from '@jsonforms/react';
import type { UISchemaElement } from '@jsonforms/core';
import type Ajv from 'ajv';
import type { FormDefinition } from '../../../../forms/types';
import { createMotcuaI18n } from '../../../../forms/renderers';
import { createFormsAjv } from '../../../../forms/validation';
import { previewCells, previewRenderers } from '../../form-editor/preview-renderers';
import { withLightRenderers } from './declaration-renderers';
import { TouchContext, touchAwareRenderers } from './touched-errors';

const formsAjv = createFormsAjv();
// Light renderers for the common field kinds ahead of the project's and JSON Forms' material ones
// (declaration-renderers/: a 200-field form's first render was ~0.9 s with the material text control alone).
const renderers = touchAwareRenderers(withLightRenderers(previewRenderers));

interface Props {
  form: FormDefinition;
  data: Record<string, unknown>;
  onChange(data: Record<string, unknown>): void;
  readonly?: boolean;
  /** Defaults to the precompiled validators of the shipped forms. */
  ajv?: Ajv;
  /** Show every error (after a submit attempt, or in the designer's preview); otherwise those of left fields. */
  showAllErrors?: boolean;
}

export const DeclarationForm = memo(function DeclarationForm({
  form,
  data,
  onChange,
  readonly,
  ajv = formsAjv,
  showAllErrors = false,
}: Props) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const translations = useMemo(() => createMotcuaI18n(form, lang), [form, lang]);
  const emitted = useRef<Record<string, unknown> | undefined>(undefined);
  const [source, setSource] = useState(data);
  if (data !== source && data !== emitted.current) setSource(data);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [touchedForm, setTouchedForm] = useState(form);
  if (touchedForm !== form) {
    setTouchedForm(form);
    setTouched(new Set());
  }
  const touch = useCallback(
    (path: string) => setTouched((before) => (before.has(path) ? before : new Set(before).add(path))),
    [],
  );
  const touchState = useMemo(
    () => ({ touched, showAll: showAllErrors, touch }),
    [touched, showAllErrors, touch],
  );
  return (
    <TouchContext.Provider value={touchState}>
      <JsonForms
        schema={form.schema}
        uischema={form.uischema as UISchemaElement}
        data={data !== source && data !== emitted.current ? data : source}
        renderers={renderers}
        cells={previewCells}
        ajv={ajv}
        i18n={translations}
        validationMode={readonly ? 'NoValidation' : 'ValidateAndShow'}
        readonly={readonly ?? false}
        onChange={({ data: next }) => {
          const value = (next ?? {}) as Record<string, unknown>;
          if (value === emitted.current) return;
          emitted.current = value;
          onChange(value);
        }}
      />
    </TouchContext.Provider>
  );
});
