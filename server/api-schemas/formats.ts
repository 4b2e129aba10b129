// Custom string formats of the API schemas, registered on every ajv instance that validates requests.
import type Ajv from 'ajv';
import { isLocalDate } from '../../processes/calendar/local-date';
import { dossierCodePattern } from '../domain/dossier-code';
import { procedureCodePattern } from '../models/Procedure';
import { agencyCodePattern } from '../models/Agency';

export const customFormats: Record<string, RegExp | ((value: string) => boolean)> = {
  /** Số định danh cá nhân on the CCCD card: exactly 12 digits. */
  cccd: /^\d{12}$/,
  'vn-phone': /^(\+84|0)\d{8,10}$/,
  'procedure-code': procedureCodePattern,
  'dossier-code': dossierCodePattern,
  'agency-code': agencyCodePattern,
  /** A civil day that exists (no 2027-02-31): the calendar's own check, so a stored date always loads. */
  'local-date': isLocalDate,
};

export function addCustomFormats(ajv: Ajv): Ajv {
  for (const [name, check] of Object.entries(customFormats)) ajv.addFormat(name, check);
  return ajv;
}
