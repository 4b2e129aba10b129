// The statistics report an API caller asks for: the period from local dates, the reader's scope (a leader sees
// only their agency, an admin all), the grouping, and the rows as CSV for spreadsheets.
import { addDays, toLocalDate } from '../../processes/calendar';
import { forbidden } from '../errors/api-error';
import { localDayPeriod } from './local-period';
import type { AuthUser } from '../auth/caller';
import { DossierModel } from '../models/Dossier';
import { dossierStatistics } from '../statistics/aggregate';
import type { GroupKey, PeriodKind, StatisticsRow } from '../statistics';

export type StatisticsGrouping = 'agency' | 'procedure' | 'month' | 'quarter' | 'year';

export interface StatisticsReportQuery {
  from: string;
  to: string;
  groupBy?: StatisticsGrouping;
}

function readerScope(user: AuthUser): { agencyCodes?: string[] } {
  if (user.roles.includes('admin')) return {};
  if (user.roles.includes('leader') && user.agency) return { agencyCodes: [user.agency.code] };
  throw forbidden();
}

export async function statisticsReport(
  query: StatisticsReportQuery,
  user: AuthUser,
): Promise<StatisticsRow[]> {
  const { from, to } = localDayPeriod(query);
  const grouping = query.groupBy ?? 'agency';
  const periodKinds: readonly string[] = ['month', 'quarter', 'year'];
  const groupBy: GroupKey[] = periodKinds.includes(grouping) ? ['period'] : [grouping as GroupKey];
  return dossierStatistics(DossierModel, {
    from,
    to,
    groupBy,
    ...(periodKinds.includes(grouping) ? { period: grouping as PeriodKind } : {}),
    ...readerScope(user),
  });
}

const csvHeader = [
  'Cơ quan',
  'Thủ tục',
  'Kỳ',
  'Từ ngày',
  'Đến ngày',
  'Tiếp nhận',
  'Trực tiếp',
  'Trực tuyến',
  'Bưu chính',
  'Kỳ trước chuyển sang',
  'Đã giải quyết',
  'Trước hạn',
  'Đúng hạn',
  'Quá hạn',
  'Đang giải quyết',
  'Trong hạn',
  'Quá hạn (đang giải quyết)',
  'Từ chối',
  'Dừng xử lý',
  'Rút hồ sơ',
  'Lỗi xử lý',
  'Tỷ lệ đúng hạn (%)',
  'Thời gian giải quyết trung bình (giờ)',
];

function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a byte-order mark: Excel reads a file without one as the local code page and garbles Vietnamese. */
export function statisticsCsv(rows: readonly StatisticsRow[]): string {
  const lines = [csvHeader.map(csvField).join(',')];
  for (const row of rows) {
    const c = row.counts;
    lines.push(
      [
        row.agency,
        row.procedure,
        row.period,
        toLocalDate(row.from),
        // The last day counted, as the caller gave it.
        addDays(toLocalDate(row.to), -1),
        c.received.total,
        c.received.counter,
        c.received.online,
        c.received.post,
        c.carriedOver,
        c.resolved.total,
        c.resolved.early,
        c.resolved.onTime,
        c.resolved.late,
        c.pending.total,
        c.pending.inTime,
        c.pending.overdue,
        c.refused,
        c.stopped,
        c.withdrawn,
        c.processIncident,
        c.onTimeRate === null ? null : Math.round(c.onTimeRate * 1000) / 10,
        c.averageProcessingHours === null ? null : Math.round(c.averageProcessingHours * 10) / 10,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
