// An online filing's declaration is checked against its form's JSON Schema before anything is stored: the
// citizen filled the e-form and gets every wrong field named, in Vietnamese and English. Counter filings may
// come with a paper declaration, so the intake worker checks those and routes them to the supplement path.
import { getForm } from '../../forms/registry';
import { validateDeclaration } from '../../forms/validation';
import { badRequest, type FieldError } from '../errors/api-error';
import type { FormRef } from '../models/Procedure';

/** `/child/birthDate` → `declaration.data.child.birthDate`, the path style of every other API error. */
function fieldPath(pointer: string): string {
  const parts = pointer
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return ['declaration', 'data', ...parts].join('.');
}

export function checkOnlineDeclaration(form: FormRef | undefined, data: unknown): void {
  const definition = form ? getForm(form.formId, form.formVersion) : undefined;
  if (!definition) return;
  const vi = validateDeclaration(definition, data, { lang: 'vi' });
  if (vi.valid) return;
  const en = validateDeclaration(definition, data, { lang: 'en' });
  const fields: FieldError[] = vi.errors.map((error, index) => ({
    path: fieldPath(error.path),
    text: { vi: error.message, en: en.errors[index]?.message ?? error.message },
  }));
  throw badRequest(fields);
}
