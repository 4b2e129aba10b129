// Public holidays by the Labour Code 2019, Art. 112, for a year whose Government decision is not in the data
// files: New Year 1 day; Tết Nguyên Đán 5 days; Hùng Kings' day (10/3 lunar); 30/4; 1/5; National Day 2/9 and
// the day before. A holiday on a weekend gives a compensatory day on the next working day (Art. 112 cl. 3).
// The days of Tết are fixed by the Prime Minister each year; the rule here (last day of the lunar year and the
// first four of the new one) is what most years' decisions chose, and every entry is tagged 'statutory-rule'.
import type { CalendarEntry } from './calendar-entry';
import { addDays, isWeekend, localDate, type LocalDate } from './local-date';
import { lunarNewYear, lunarToSolar } from './lunar-calendar';

function holiday(date: LocalDate, name: string): CalendarEntry {
  return { date, kind: 'day-off', name, status: 'statutory-rule', source: 'Bộ luật Lao động 2019, Điều 112' };
}

export function statutoryHolidays(year: number): CalendarEntry[] {
  const newYear = lunarNewYear(year);
  const hungKings = lunarToSolar({ day: 10, month: 3, year, leap: false });
  if (!hungKings) throw new RangeError(`No 10/3 lunar date in ${year}`);
  const holidays: CalendarEntry[] = [
    holiday(localDate(year, 1, 1), 'Tết Dương lịch'),
    holiday(addDays(newYear, -1), 'Tết Nguyên Đán (ngày cuối năm âm lịch)'),
    ...[0, 1, 2, 3].map((offset) => holiday(addDays(newYear, offset), `Tết Nguyên Đán (mùng ${offset + 1})`)),
    holiday(hungKings, 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
    holiday(localDate(year, 4, 30), 'Ngày Chiến thắng (30/4)'),
    holiday(localDate(year, 5, 1), 'Ngày Quốc tế Lao động (1/5)'),
    holiday(localDate(year, 9, 1), 'Quốc khánh (ngày liền kề)'),
    holiday(localDate(year, 9, 2), 'Quốc khánh (2/9)'),
  ];
  return withCompensatoryDays(holidays);
}

/** Adds, for each holiday on a Saturday or Sunday, a day off on the next weekday that is not itself a holiday. */
function withCompensatoryDays(holidays: CalendarEntry[]): CalendarEntry[] {
  const taken = new Set(holidays.map((h) => h.date));
  const result = [...holidays];
  for (const h of holidays) {
    if (!isWeekend(h.date)) continue;
    let day = addDays(h.date, 1);
    while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    result.push({ ...holiday(day, `Nghỉ bù ${h.name}`) });
  }
  return result.sort((a, b) => a.date.localeCompare(b.date));
}
