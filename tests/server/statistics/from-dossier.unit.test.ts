import { Types } from 'mongoose';
import { countDossiers, periodOf, recordFromDossier } from '../../../server/statistics';
import type { Dossier, TimelineEvent } from '../../../server/models/Dossier';
import { vn } from './records';

const system = { kind: 'system' as const };
const event = (at: string, action: string, status?: TimelineEvent['status']): TimelineEvent => ({
  at: vn(at),
  actor: system,
  action,
  ...(status ? { status } : {}),
});

const base = {
  code: '000.00.64.H26-260302-0001',
  receivingAgencyCode: '000.00.64.H26',
  procedure: {
    id: new Types.ObjectId(),
    code: '1.001193',
    name: 'Đăng ký khai sinh',
    version: 1,
    bpmnProcessId: 'dang-ky-khai-sinh',
    forms: [],
    timeLimit: { value: 3, unit: 'working-days' as const },
    components: [],
  },
  channel: 'online' as const,
  submittedAt: vn('2026-03-02 08:00'),
  receivedAt: vn('2026-03-02 09:00'),
  appointmentAt: vn('2026-03-05 17:00'),
  dueAt: vn('2026-03-11 17:00'),
} satisfies Partial<Dossier>;

describe('statistics record from a stored dossier', () => {
  it('reads supplement waits from the status changes and grades against the original appointment', () => {
    const dossier = {
      ...base,
      status: 10 as const,
      resolvedAt: vn('2026-03-10 15:00'),
      returnedAt: vn('2026-03-11 09:00'),
      timeline: [
        event('2026-03-02 08:00', 'dossier.submitted', 1),
        event('2026-03-02 09:00', 'dossier.accepted', 2),
        event('2026-03-02 09:05', 'task.completed'),
        event('2026-03-03 10:00', 'dossier.supplement-requested', 5),
        event('2026-03-09 10:00', 'dossier.supplemented', 4),
        event('2026-03-10 15:00', 'dossier.resolved', 9),
        event('2026-03-11 09:00', 'dossier.returned', 10),
      ],
    };
    const record = recordFromDossier(dossier);
    expect(record.supplementRequests).toEqual([
      { requestedAt: vn('2026-03-03 10:00'), suppliedAt: vn('2026-03-09 10:00') },
    ]);
    expect(record.dueAt).toEqual(base.appointmentAt);
    expect(record.terminalEvents).toEqual([]);
    const { from, to } = periodOf('month', vn('2026-03-15 00:00'));
    expect(countDossiers([record], from, to).resolved).toEqual({ total: 1, early: 1, onTime: 0, late: 0 });
  });

  it('leaves the wait open while the citizen has not supplied, and reads a stop as terminal', () => {
    const waiting = recordFromDossier({
      ...base,
      status: 5,
      timeline: [event('2026-03-02 09:00', 'dossier.accepted', 2), event('2026-03-03 10:00', 'x', 5)],
    });
    expect(waiting.supplementRequests).toEqual([{ requestedAt: vn('2026-03-03 10:00') }]);
    const stopped = recordFromDossier({
      ...base,
      status: 8,
      timeline: [
        event('2026-03-02 09:00', 'dossier.accepted', 2),
        event('2026-03-04 11:00', 'dossier.stopped', 8),
      ],
    });
    expect(stopped.terminalEvents).toEqual([{ kind: 'stopped', at: vn('2026-03-04 11:00') }]);
  });
});
