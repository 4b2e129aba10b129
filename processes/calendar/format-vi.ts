// Dates as the slips write them, in Vietnam's time: "15 giờ 00 phút, ngày 17 tháng 02 năm 2026".
import { parseLocalDate, toLocalDate, toLocalMinutes, type LocalDate } from './local-date';

const two = (n: number) => String(n).padStart(2, '0');

export function formatLocalDateVi(date: LocalDate): string {
  const { year, month, day } = parseLocalDate(date);
  return `${two(day)}/${two(month)}/${year}`;
}

export function formatLongDateVi(date: LocalDate): string {
  const { year, month, day } = parseLocalDate(date);
  return `ngày ${two(day)} tháng ${two(month)} năm ${year}`;
}

export function formatAppointmentVi(instant: Date): string {
  const minutes = toLocalMinutes(instant);
  return `${two(Math.floor(minutes / 60))} giờ ${two(minutes % 60)} phút, ${formatLongDateVi(toLocalDate(instant))}`;
}
