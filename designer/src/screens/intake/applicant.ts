// The applicant block of a counter submission and its checks (CCCD structure via the forms' checker).
import type { TFunction } from 'i18next';
import { checkCccd } from '../../../../forms/validation';

export interface ApplicantInput {
  name: string;
  idNumber: string;
  phone: string;
  email: string;
  address: string;
}

export const emptyApplicant: ApplicantInput = { name: '', idNumber: '', phone: '', email: '', address: '' };

export function cccdError(value: string, t: TFunction): string | undefined {
  if (!value) return t('ws.cccd.required');
  const check = checkCccd(value);
  if (check.valid) return undefined;
  if (check.problems.includes('format')) return t('ws.cccd.format');
  if (check.problems.includes('birthplace')) return t('ws.cccd.birthplace');
  return t('ws.cccd.invalid');
}

export function applicantErrors(
  a: ApplicantInput,
  t: TFunction,
): Partial<Record<keyof ApplicantInput, string>> {
  const errors: Partial<Record<keyof ApplicantInput, string>> = {};
  if (!a.name.trim()) errors.name = t('ws.required', { field: t('ws.intake.name') });
  const cccd = cccdError(a.idNumber, t);
  if (cccd) errors.idNumber = cccd;
  if (a.phone && !/^0\d{9}$/.test(a.phone)) errors.phone = `${t('ws.intake.phone')}: 0xxxxxxxxx (10 số).`;
  return errors;
}

/** The applicant as the API takes it: empty optional fields left out. */
export function applicantBody(a: ApplicantInput) {
  return {
    name: a.name.trim(),
    idNumber: a.idNumber,
    ...(a.phone ? { phone: a.phone } : {}),
    ...(a.email ? { email: a.email } : {}),
    ...(a.address.trim() ? { address: a.address.trim() } : {}),
  };
}
