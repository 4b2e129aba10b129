// JSON Forms i18n for a form: Vietnamese (or English) error messages from the validation module, and English
// labels from labels.en.json. Pass as <JsonForms i18n={createMotcuaI18n(form, lang)} ajv={createMotcuaAjv()} />.
import type { JsonFormsI18nState } from '@jsonforms/core';
import type { ErrorObject } from 'ajv';
import type { FormDefinition, Lang } from '../types';
import { translateError } from '../validation';

/** JSON Forms' default i18n key is the dot path ("child.fullName.label"); labels.en.json is keyed by scope. */
function scopeOfKey(key: string): string | undefined {
  const m = /^(.*)\.label$/.exec(key);
  if (!m?.[1]) return undefined;
  const parts = m[1].split('.').map((p) => (/^\d+$/.test(p) ? 'items' : `properties/${p}`));
  return `#/${parts.join('/')}`;
}

export function createMotcuaI18n(form: FormDefinition, lang: Lang): JsonFormsI18nState {
  return {
    locale: lang,
    translate: ((key: string, defaultMessage?: string) => {
      if (lang !== 'en') return defaultMessage;
      const scope = scopeOfKey(key);
      return (scope && form.labelsEn[scope]) ?? form.labelsEn[`group:${key}`] ?? defaultMessage;
    }) as JsonFormsI18nState['translate'],
    translateError: (error: ErrorObject) => translateError(form, error, lang).message,
  };
}
