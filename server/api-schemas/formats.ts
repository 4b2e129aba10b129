// Custom string formats of the API schemas, registered on every ajv instance that validates requests.
import type Ajv from 'ajv';
import { isLocalDate } from '../../processes/calendar/local-date';
import { dossierCodePattern } from '../domain/dossier-code';
import { AGENCY_CODE_PATTERN, PROCEDURE_CODE_PATTERN } from '../../processes/procedure-vocabulary';

export const customFormats: Record<string, RegExp | ((value: string) => boolean)> = {
  /** Số định danh cá nhân on the CCCD card: exactly 12 digits. */
  cccd: /^\d{12}$/,
  'vn-phone': /^(\+84|0)\d{8,10}$/,
  'procedure-code': PROCEDURE_CODE_PATTERN,
  'dossier-code': dossierCodePattern,
  'agency-code': AGENCY_CODE_PATTERN,
  /** A civil day that exists (no 2027-02-31): the calendar's own check, so a stored date always loads. */
  'local-date': isLocalDate,
};

export function addCustomFormats(ajv: Ajv): Ajv {
  for (const [name, check] of Object.entries(customFormats)) ajv.addFormat(name, check);
  return ajv;
}
