// How values read on a slip: Vietnamese dates and times, time limits, blanks left for the pen.
import {
  formatAppointmentVi,
  formatLocalDateVi,
  formatLongDateVi,
  toLocalDate,
  toLocalMinutes,
  type TimeLimit,
} from '../../processes/calendar';
import { issuedSlipEntryOfForm, type IssuedForm } from './registry';

/** What the paper form prints where nothing was filled in, so the officer can write by hand. */
export const BLANK = '……………………';

const two = (n: number) => String(n).padStart(2, '0');

/** "15 giờ 00 phút, ngày 17 tháng 02 năm 2026" */
export const atTimeVi = (instant: Date | undefined): string =>
  instant ? formatAppointmentVi(instant) : BLANK;

/** "ngày 17 tháng 02 năm 2026" */
export const onDayVi = (instant: Date | undefined): string =>
  instant ? formatLongDateVi(toLocalDate(instant)) : `ngày ${'…'} tháng ${'…'} năm ${'…'}`;

/** "15:00 17/02/2026", for table cells. */
export function shortTimeVi(instant: Date | undefined): string {
  if (!instant) return '';
  const minutes = toLocalMinutes(instant);
  return `${two(Math.floor(minutes / 60))}:${two(minutes % 60)} ${formatLocalDateVi(toLocalDate(instant))}`;
}

/** "17/02/2026" */
export const shortDateVi = (instant: Date | undefined): string =>
  instant ? formatLocalDateVi(toLocalDate(instant)) : '';

export function timeLimitVi(limit: TimeLimit): string {
  switch (limit.unit) {
    case 'working-days':
      return `${two(limit.value)} ngày làm việc`;
    case 'days':
      return `${two(limit.value)} ngày`;
    case 'hours':
      return `${two(limit.value)} giờ làm việc`;
    case 'months':
      return `${two(limit.value)} tháng`;
    case 'same-day':
      return limit.sameDayCutoff
        ? `Trong ngày (nhận sau ${limit.sameDayCutoff} trả trong ngày làm việc tiếp theo)`
        : 'Trong ngày';
  }
}

/** "12/PXL": the issuing agency's running number of the form in the year, then the form's suffix. */
export const formSlipNumber = (sequence: number, form: IssuedForm): string =>
  `${sequence}/${issuedSlipEntryOfForm(form).suffix}`;

/** "125/TNHS", unless the number already carries its suffix. */
export const slipNumber = (number: string, suffix: string): string =>
  number.includes('/') ? number : `${number}/${suffix}`;

/** "Số điện thoại: 0912 345 678" or blanks. */
export const orBlank = (value: string | undefined): string => (value && value.trim() ? value : BLANK);
