// An online filing's declaration is checked against its form's JSON Schema before anything is stored: the
// citizen filled the e-form and gets every wrong field named, in Vietnamese and English. Counter filings may
// come with a paper declaration, so the intake worker checks those and routes them to the supplement path.
import { validateDeclaration } from '../../forms/validation';
import { ApiError, badRequest, type FieldError } from '../errors/api-error';
import type { FormRef } from '../models/Procedure';
import { findForm } from './form-designs';

/** `/child/birthDate` → `declaration.data.child.birthDate`, the path style of every other API error. */
function fieldPath(pointer: string): string {
  const parts = pointer
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return ['declaration', 'data', ...parts].join('.');
}

export async function checkOnlineDeclaration(form: FormRef | undefined, data: unknown): Promise<void> {
  if (!form) return;
  // Shipped or designed: the version the procedure names, never skipped because it is not in the bundle.
  const definition = await findForm(form.formId, form.formVersion);
  if (!definition) {
    throw new ApiError(422, 'validation_failed', {}, [
      {
        path: 'declaration.formVersion',
        text: {
          vi: `Thủ tục dùng biểu mẫu ${form.formId} phiên bản ${form.formVersion}, không có trong hệ thống`,
          en: `The procedure uses form ${form.formId} version ${form.formVersion}, which does not exist`,
        },
      },
    ]);
  }
  const vi = validateDeclaration(definition, data, { lang: 'vi' });
  if (vi.valid) return;
  const en = validateDeclaration(definition, data, { lang: 'en' });
  const fields: FieldError[] = vi.errors.map((error, index) => ({
    path: fieldPath(error.path),
    text: { vi: error.message, en: en.errors[index]?.message ?? error.message },
  }));
  throw badRequest(fields);
}
