// A filing's declaration is checked against its form's JSON Schema before anything is stored, with every wrong
// field named in Vietnamese and English. Online, the citizen filled the e-form: it must be complete. At the
// counter or by post the declaration may be on paper, so missing fields are let through (the intake worker
// routes an incomplete dossier to the supplement path); everything else the schema says (types, formats,
// unknown fields) holds there too, and no channel stores a polluting, `$` or dotted key.
import { validateDeclaration } from '../../forms/validation';
import { ApiError, badRequest, type FieldError } from '../errors/api-error';
import type { FormRef } from '../models/Procedure';
import { findForm } from './form-designs';
import { unsafeKeys, type UnsafeKeyProblem } from './stored-keys';

/** Property names → `declaration.data.child.birthDate`, the path style of every other API error. */
function fieldPath(parts: string[]): string {
  return ['declaration', 'data', ...parts]
    .map((part, i) =>
      i > 0 && /[.[\]"]/.test(part) ? `[${JSON.stringify(part)}]` : `${i > 0 ? '.' : ''}${part}`,
    )
    .join('');
}

const pointerParts = (pointer: string) =>
  pointer
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));

const keyMessages: Record<UnsafeKeyProblem, (key: string) => { vi: string; en: string }> = {
  polluting: (key) => ({
    vi: `Tên trường "${key}" không được phép trong tờ khai`,
    en: `The field name "${key}" is not allowed in a declaration`,
  }),
  operator: (key) => ({
    vi: `Tên trường "${key}" không được bắt đầu bằng "$"`,
    en: `The field name "${key}" must not start with "$"`,
  }),
  dotted: (key) => ({
    vi: `Tên trường "${key}" không được chứa dấu chấm`,
    en: `The field name "${key}" must not contain a dot`,
  }),
};

/** The keywords of a field that is missing, rather than wrong. */
const missingKeywords = new Set(['required', 'dependentRequired']);

export interface DeclarationCheck {
  /** Online filings must be complete; paper ones (counter, post) may miss fields. */
  complete: boolean;
}

export async function checkDeclaration(
  form: FormRef | undefined,
  data: unknown,
  { complete }: DeclarationCheck,
): Promise<void> {
  const unsafe = unsafeKeys(data);
  if (unsafe.length) {
    throw badRequest(
      unsafe.map(({ path, problem }) => ({
        path: fieldPath(path),
        text: keyMessages[problem](path.at(-1)!),
      })),
    );
  }
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
  // Both runs report the same errors in the same order: only the wording differs.
  const fields: FieldError[] = vi.errors
    .map((error, index) => ({ error, en: en.errors[index] }))
    .filter(({ error }) => complete || !missingKeywords.has(error.keyword))
    .map(({ error, en: english }) => ({
      path: fieldPath(pointerParts(error.path)),
      text: { vi: error.message, en: english?.message ?? error.message },
    }));
  if (fields.length) throw badRequest(fields);
}
