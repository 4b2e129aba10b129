// Dossier code in the national format (Circular 01/2018/TT-VPCP Art. 19): `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX` —
// receiving agency's identifier code, date of receipt in Asia/Ho_Chi_Minh, 4-digit sequence of that day.
import { toLocalDate } from '../../processes/calendar';
import { AGENCY_CODE_PATTERN } from '../../processes/procedure-vocabulary';

export const dossierCodePattern = /^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})-(\d{6})-(\d{4})$/;
export const maxDailySequence = 9999;

/** The receipt day in Asia/Ho_Chi_Minh as `YYMMDD`. */
export function receiptDay(instant: Date): string {
  return toLocalDate(instant).slice(2).replace(/-/g, '');
}

export function formatDossierCode(agencyCode: string, day: string, sequence: number): string {
  if (!AGENCY_CODE_PATTERN.test(agencyCode))
    throw new RangeError(`not an agency identifier code: ${agencyCode}`);
  if (!/^\d{6}$/.test(day)) throw new RangeError(`not a YYMMDD day: ${day}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > maxDailySequence) {
    throw new RangeError(`sequence must be 1..${maxDailySequence}: ${sequence}`);
  }
  return `${agencyCode}-${day}-${String(sequence).padStart(4, '0')}`;
}

export function parseDossierCode(code: string): { agencyCode: string; day: string; sequence: number } | null {
  const match = dossierCodePattern.exec(code);
  if (!match) return null;
  return { agencyCode: match[1]!, day: match[2]!, sequence: Number(match[3]) };
}
