// Custom string formats of the API schemas, registered on every ajv instance that validates requests.
import type Ajv from 'ajv';
import { dossierCodePattern } from '../domain/dossier-code';
import { procedureCodePattern } from '../models/Procedure';
import { agencyCodePattern } from '../models/Agency';

export const customFormats: Record<string, RegExp> = {
  /** Số định danh cá nhân on the CCCD card: exactly 12 digits. */
  cccd: /^\d{12}$/,
  'vn-phone': /^(\+84|0)\d{8,10}$/,
  'procedure-code': procedureCodePattern,
  'dossier-code': dossierCodePattern,
  'agency-code': agencyCodePattern,
  'local-date': /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
};

export function addCustomFormats(ajv: Ajv): Ajv {
  for (const [name, pattern] of Object.entries(customFormats)) ajv.addFormat(name, pattern);
  return ajv;
}
