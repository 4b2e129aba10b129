// Every declaration form, by id and version. Forms are static JSON so the server and the Vite bundle load the
// same files; a new version of a form is a new entry here (dossiers keep the version in force at receipt).
import type { UISchemaElement } from '@jsonforms/core';
import type { FormDefinition, FormMeta } from './types';
import type { SchemaNode } from './validation/schema-walk';

import khaiSinhMeta from './to-khai-khai-sinh/form.json';
import khaiSinhSchema from './to-khai-khai-sinh/schema.json';
import khaiSinhUi from './to-khai-khai-sinh/uischema.json';
import khaiSinhEn from './to-khai-khai-sinh/labels.en.json';

export type { FormDefinition, FormMeta, Lang } from './types';

function define(meta: unknown, schema: unknown, uischema: unknown, labelsEn: unknown): FormDefinition {
  return {
    meta: meta as FormMeta,
    schema: schema as SchemaNode,
    uischema: uischema as UISchemaElement,
    labelsEn: labelsEn as Record<string, string>,
  };
}

const FORMS: FormDefinition[] = [define(khaiSinhMeta, khaiSinhSchema, khaiSinhUi, khaiSinhEn)];

/** Newest version first within each id. */
function compareVersions(a: string, b: string): number {
  return b.localeCompare(a, undefined, { numeric: true });
}

export function listForms(): FormMeta[] {
  const latest = new Map<string, FormMeta>();
  for (const form of FORMS) {
    const seen = latest.get(form.meta.id);
    if (!seen || compareVersions(form.meta.version, seen.version) < 0) latest.set(form.meta.id, form.meta);
  }
  return [...latest.values()];
}

export function listFormVersions(formId: string): FormMeta[] {
  return FORMS.filter((f) => f.meta.id === formId)
    .map((f) => f.meta)
    .sort((a, b) => compareVersions(a.version, b.version));
}

export function getForm(formId: string, version?: string): FormDefinition | undefined {
  const candidates = FORMS.filter(
    (f) => f.meta.id === formId && (version === undefined || f.meta.version === version),
  );
  return candidates.sort((a, b) => compareVersions(a.meta.version, b.meta.version))[0];
}
