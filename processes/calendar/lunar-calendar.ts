// Vietnamese lunisolar calendar (âm lịch), computed astronomically for the meridian UTC+7.
// Months start on the day of the new moon in Vietnam; month 11 contains the winter solstice; a leap month is the
// first month of a leap year without a major solar term. Using UTC+7 rather than China's UTC+8 is what makes
// Tết differ from the Chinese New Year in some years (1985, 2007). New-moon and solar-longitude terms follow
// Jean Meeus, "Astronomical Algorithms" (low-precision series), which is accurate to minutes in this era.

import { localDate, type LocalDate } from './local-date';

const VIETNAM_TIME_ZONE_HOURS = 7;
const SYNODIC_MONTH = 29.530588853;
const JD_1900_01_01 = 2415021; // Julian day number near the new moon of 1900-01-01
const DEG = Math.PI / 180;

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

/** Julian day number of a Gregorian date. */
export function julianDayNumber(day: number, month: number, year: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return (
    day +
    Math.floor((153 * m + 2) / 5) +
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) -
    32045
  );
}

function fromJulianDayNumber(jd: number): LocalDate {
  const a = jd + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((b * 146097) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  const day = e - Math.floor((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * Math.floor(m / 10);
  const year = b * 100 + d - 4800 + Math.floor(m / 10);
  return localDate(year, month, day);
}

/** Julian day (local civil day) of the k-th new moon after 1900-01-01. */
function newMoonDay(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
  const sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const latitude = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  let correction =
    (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly * DEG) + 0.0021 * Math.sin(2 * DEG * sunAnomaly);
  correction += -0.4068 * Math.sin(moonAnomaly * DEG) + 0.0161 * Math.sin(DEG * 2 * moonAnomaly);
  correction += -0.0004 * Math.sin(DEG * 3 * moonAnomaly);
  correction += 0.0104 * Math.sin(DEG * 2 * latitude) - 0.0051 * Math.sin(DEG * (sunAnomaly + moonAnomaly));
  correction +=
    -0.0074 * Math.sin(DEG * (sunAnomaly - moonAnomaly)) +
    0.0004 * Math.sin(DEG * (2 * latitude + sunAnomaly));
  correction +=
    -0.0004 * Math.sin(DEG * (2 * latitude - sunAnomaly)) -
    0.0006 * Math.sin(DEG * (2 * latitude + moonAnomaly));
  correction +=
    0.001 * Math.sin(DEG * (2 * latitude - moonAnomaly)) +
    0.0005 * Math.sin(DEG * (2 * moonAnomaly + sunAnomaly));
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return Math.floor(jd + correction - deltaT + 0.5 + VIETNAM_TIME_ZONE_HOURS / 24);
}

/** Which 30° sector (0–11) the sun's apparent longitude is in at the start of a local civil day. */
function sunLongitudeSector(dayNumber: number): number {
  const t = (dayNumber - 0.5 - VIETNAM_TIME_ZONE_HOURS / 24 - 2451545.0) / 36525;
  const t2 = t * t;
  const meanAnomaly = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  let centre = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(DEG * meanAnomaly);
  centre +=
    (0.019993 - 0.000101 * t) * Math.sin(DEG * 2 * meanAnomaly) + 0.00029 * Math.sin(DEG * 3 * meanAnomaly);
  let longitude = (meanLongitude + centre) * DEG;
  longitude -= Math.PI * 2 * Math.floor(longitude / (Math.PI * 2));
  return Math.floor((longitude / Math.PI) * 6);
}

/** Day number of the first day of the lunar month 11 that contains the winter solstice of `year`. */
function lunarMonth11Start(year: number): number {
  const offset = julianDayNumber(31, 12, year) - JD_1900_01_01;
  const k = Math.floor(offset / SYNODIC_MONTH);
  const candidate = newMoonDay(k);
  return sunLongitudeSector(candidate) >= 9 ? newMoonDay(k - 1) : candidate;
}

/** Index (1-based, counted from month 11) of the leap month in the year starting at `month11Start`. */
function leapMonthOffset(month11Start: number): number {
  const k = Math.floor((month11Start - 2415021.076998695) / SYNODIC_MONTH + 0.5);
  let last: number;
  let i = 1;
  let sector = sunLongitudeSector(newMoonDay(k + i));
  do {
    last = sector;
    i += 1;
    sector = sunLongitudeSector(newMoonDay(k + i));
  } while (sector !== last && i < 14);
  return i - 1;
}

/** Converts a lunar date to the Gregorian civil day in Vietnam; null if no such lunar date exists. */
export function lunarToSolar(lunar: LunarDate): LocalDate | null {
  const { day, month, year, leap } = lunar;
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11Start(year - 1);
    b11 = lunarMonth11Start(year);
  } else {
    a11 = lunarMonth11Start(year);
    b11 = lunarMonth11Start(year + 1);
  }
  const k = Math.floor(0.5 + (a11 - 2415021.076998695) / SYNODIC_MONTH);
  let offset = month - 11;
  if (offset < 0) offset += 12;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    let leapMonth = leapOffset - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return null;
    if (leap || offset >= leapOffset) offset += 1;
  } else if (leap) {
    return null;
  }
  const monthStart = newMoonDay(k + offset);
  const nextMonthStart = newMoonDay(k + offset + 1);
  if (day < 1 || day > nextMonthStart - monthStart) return null;
  return fromJulianDayNumber(monthStart + day - 1);
}

/** Converts a Gregorian civil day in Vietnam to its lunar date. */
export function solarToLunar(date: LocalDate): LunarDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const dayNumber = julianDayNumber(day, month, year);
  const k = Math.floor((dayNumber - 2415021.076998695) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1);
  if (monthStart > dayNumber) monthStart = newMoonDay(k);
  let a11 = lunarMonth11Start(year);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = lunarMonth11Start(year - 1);
  } else {
    lunarYear = year + 1;
    b11 = lunarMonth11Start(year + 1);
  }
  const lunarDay = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let lunarLeap = false;
  let lunarMonth = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      lunarMonth = diff + 10;
      if (diff === leapDiff) lunarLeap = true;
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12;
  if (lunarMonth >= 11 && diff < 4) lunarYear -= 1;
  return { day: lunarDay, month: lunarMonth, year: lunarYear, leap: lunarLeap };
}

/** First day of the lunar year (mùng 1 Tết) that begins in Gregorian `year`. */
export function lunarNewYear(year: number): LocalDate {
  const date = lunarToSolar({ day: 1, month: 1, year, leap: false });
  if (!date) throw new Error(`No lunar new year computed for ${year}`);
  return date;
}
