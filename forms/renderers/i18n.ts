// JSON Forms i18n for a form: Vietnamese (or English) error messages from the validation module, English labels
// from labels.en.json and the renderers' own words from texts.ts (renderers call translate(key, Vietnamese)).
// Pass as <JsonForms i18n={createMotcuaI18n(form, lang)} ajv={createFormsAjv()} />.
import type { JsonFormsI18nState } from '@jsonforms/core';
import type { ErrorObject } from 'ajv';
import type { FormDefinition, Lang } from '../types';
import { translateError } from '../validation';
import { walkSchema } from '../validation/schema-walk';
import { rendererTextsEn } from './texts';

/** labels.en.json is keyed by UI-schema scope, or by the shared definition a field comes from. */
function englishFor(form: FormDefinition, dotPath: string, suffix = ''): string | undefined {
  const steps = walkSchema(form.schema, `/${dotPath.split('.').join('/')}`);
  const last = steps[steps.length - 1];
  if (!last) return undefined;
  return form.labelsEn[`${last.scope}${suffix}`] ?? form.labelsEn[`${last.location}${suffix}`];
}

export function createMotcuaI18n(form: FormDefinition, lang: Lang): JsonFormsI18nState {
  const translate = (key: string, defaultMessage?: string, values?: { schema?: { const?: unknown } }) => {
    if (lang !== 'en') return defaultMessage;
    const rendererText = rendererTextsEn[key];
    if (rendererText !== undefined) return rendererText;
    // JSON Forms' keys: "<dot path>.label" for a control, "<dot path>.<option title>" for a oneOf option,
    // the label itself for a group.
    const option = values?.schema?.const;
    if (option !== undefined && defaultMessage && key.endsWith(`.${defaultMessage}`)) {
      const path = key.slice(0, -(defaultMessage.length + 1));
      return englishFor(form, path, `/oneOf/${String(option)}`) ?? defaultMessage;
    }
    if (key.endsWith('.label')) return englishFor(form, key.slice(0, -'.label'.length)) ?? defaultMessage;
    return form.labelsEn[`group:${key}`] ?? defaultMessage;
  };
  return {
    locale: lang,
    translate: translate as JsonFormsI18nState['translate'],
    translateError: (error: ErrorObject) => translateError(form, error, lang).message,
  };
}
