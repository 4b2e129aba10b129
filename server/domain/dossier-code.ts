// Dossier code in the national format (Circular 01/2018/TT-VPCP Art. 19): `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX` —
// receiving agency's identifier code, date of receipt in Asia/Ho_Chi_Minh, 4-digit sequence of that day.
import { agencyCodePattern } from '../models/Agency';

export const dossierCodePattern = /^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})-(\d{6})-(\d{4})$/;
export const maxDailySequence = 9999;

/** Viet Nam has kept UTC+7 without daylight saving since 1975, so the local day is a fixed shift. */
const vietnamOffsetMs = 7 * 60 * 60 * 1000;

/** The receipt day in Asia/Ho_Chi_Minh as `YYMMDD`. */
export function receiptDay(instant: Date): string {
  const local = new Date(instant.getTime() + vietnamOffsetMs);
  const yy = String(local.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(local.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(local.getUTCDate()).padStart(2, '0');
  return `${yy}${mm}${dd}`;
}

export function formatDossierCode(agencyCode: string, day: string, sequence: number): string {
  if (!agencyCodePattern.test(agencyCode))
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
