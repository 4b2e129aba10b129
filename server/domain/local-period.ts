// A period given as local days in Asia/Ho_Chi_Minh (`from` and `to` both counted) as the instants
// [start of `from`, start of the day after `to`), refused naming `from` when it does not run forward.
import { addDays, startOfLocalDay } from '../../processes/calendar';
import { badRequest } from '../errors/api-error';

export function localDayPeriod(days: { from: string; to: string }): { from: Date; to: Date };
export function localDayPeriod(days: { from?: string; to?: string }): { from?: Date; to?: Date };
export function localDayPeriod(days: { from?: string; to?: string }): { from?: Date; to?: Date } {
  const from = days.from ? startOfLocalDay(days.from) : undefined;
  const to = days.to ? startOfLocalDay(addDays(days.to, 1)) : undefined;
  if (from && to && from >= to) throw badRequest([{ path: 'from', key: 'field_period' }]);
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}
