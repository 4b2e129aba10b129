// A month of dossiers at a ward (March 2026, no holidays) covering every counting rule, with the expected
// Decision 766 counts worked out by hand in counts.unit.test.ts.
import type { DossierRecord } from '../../../server/statistics';

/** A wall-clock time in Vietnam. */
export const vn = (text: string): Date => new Date(`${text.replace(' ', 'T')}:00+07:00`);

export function record(code: string, fields: Partial<DossierRecord>): DossierRecord {
  return {
    code,
    agency: 'UBND phường Hoàn Kiếm',
    procedure: '1.001193',
    channel: 'counter',
    status: 4,
    submittedAt: fields.receivedAt ?? vn('2026-03-02 08:00'),
    supplementRequests: [],
    terminalEvents: [],
    ...fields,
  };
}

const due = vn('2026-03-05 17:00');
const monday = vn('2026-03-02 09:00');

export const march: DossierRecord[] = [
  record('A-early', {
    receivedAt: monday,
    dueAt: due,
    finishedAt: vn('2026-03-04 10:00'),
    returnedAt: vn('2026-03-05 08:00'),
    status: 10,
  }),
  record('B-on-time', {
    channel: 'online',
    receivedAt: monday,
    dueAt: due,
    finishedAt: vn('2026-03-05 16:00'),
    status: 9,
  }),
  record('C-late', {
    channel: 'post',
    receivedAt: monday,
    dueAt: due,
    finishedAt: vn('2026-03-06 09:00'),
    status: 9,
  }),
  record('D-supplement-subtracted', {
    receivedAt: monday,
    dueAt: due,
    supplementRequests: [{ requestedAt: vn('2026-03-03 10:00'), suppliedAt: vn('2026-03-09 10:00') }],
    finishedAt: vn('2026-03-10 15:00'),
    status: 9,
  }),
  record('E-two-supplements', {
    channel: 'online',
    receivedAt: monday,
    dueAt: due,
    supplementRequests: [
      { requestedAt: vn('2026-03-02 10:00'), suppliedAt: vn('2026-03-02 11:00') },
      { requestedAt: vn('2026-03-02 14:00'), suppliedAt: vn('2026-03-02 15:00') },
    ],
    finishedAt: vn('2026-03-03 09:00'),
    status: 9,
  }),
  record('F-carried-over', {
    receivedAt: vn('2026-02-20 09:00'),
    dueAt: vn('2026-03-03 17:00'),
    finishedAt: vn('2026-03-03 11:00'),
    status: 9,
  }),
  record('G-overdue', { receivedAt: vn('2026-03-10 09:00'), dueAt: vn('2026-03-13 17:00') }),
  record('H-pending-in-time', {
    channel: 'online',
    receivedAt: vn('2026-03-30 09:00'),
    dueAt: vn('2026-04-02 17:00'),
  }),
  record('I-waiting-for-citizen', {
    channel: 'post',
    receivedAt: vn('2026-03-20 09:00'),
    dueAt: vn('2026-03-23 17:00'),
    supplementRequests: [{ requestedAt: vn('2026-03-21 10:00') }],
    status: 5,
  }),
  record('J-refused-at-intake', {
    channel: 'online',
    submittedAt: vn('2026-03-05 08:00'),
    terminalEvents: [{ kind: 'refused', at: vn('2026-03-05 10:00') }],
    status: 3,
  }),
  record('K-stopped', {
    receivedAt: vn('2026-03-03 09:00'),
    dueAt: vn('2026-03-06 17:00'),
    terminalEvents: [{ kind: 'stopped', at: vn('2026-03-04 09:00') }],
    status: 8,
  }),
  record('L-withdrawn', {
    channel: 'online',
    receivedAt: vn('2026-03-03 09:00'),
    dueAt: vn('2026-03-06 17:00'),
    terminalEvents: [{ kind: 'withdrawn', at: vn('2026-03-06 09:00') }],
    status: 7,
  }),
  record('M-next-month', { receivedAt: vn('2026-04-02 09:00'), dueAt: vn('2026-04-07 17:00') }),
  record('N-done-last-month', {
    receivedAt: vn('2026-02-25 09:00'),
    dueAt: vn('2026-02-27 17:00'),
    finishedAt: vn('2026-02-27 10:00'),
    status: 9,
  }),
  record('O-no-appointment', {
    receivedAt: monday,
    timeLimit: { value: 3, unit: 'working-days' },
    finishedAt: vn('2026-03-05 10:00'),
    status: 9,
  }),
  record('P-hours-late', {
    receivedAt: monday,
    dueAt: vn('2026-03-02 13:00'),
    timeLimit: { value: 4, unit: 'hours' },
    finishedAt: vn('2026-03-02 14:00'),
    status: 9,
  }),
];
