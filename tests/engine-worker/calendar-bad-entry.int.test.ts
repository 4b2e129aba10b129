// A holiday row that is not a real day, left in the store by an older version (2027-02-31 passed its regex):
// the intake worker still receives dossiers with an appointment from the working calendar, the inbox still
// answers, and the row is reported once on the error log instead of failing every job into an incident.
import { HolidayModel } from '../../server/models/Holiday';
import { DossierModel } from '../../server/models/Dossier';
import type { ApiClient } from '../server/support/api-client';
import { birthRegistrationFiling, signInAll } from './filings';
import { eventually, startLifecycleSystem, type LifecycleSystem } from './lifecycle-system';

let system: LifecycleSystem;
let as: Record<string, ApiClient> = {};

beforeAll(async () => {
  system = await startLifecycleSystem();
  as = await signInAll(system, ['tiepnhan.hoankiem', 'chuyenvien.hoankiem']);
});
afterAll(() => system.close());

test('intake and the inbox work around a stored impossible holiday, which is logged once', async () => {
  await HolidayModel.collection.insertOne({
    date: '2027-02-31',
    kind: 'day-off',
    name: 'Ngày không có thật',
    createdAt: new Date(),
    updatedAt: new Date(),
  });
  const lines: string[] = [];
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    const codes: string[] = [];
    for (const idNumber of ['001099012345', '001099054321']) {
      const filed = await as['tiepnhan.hoankiem']!.post(
        '/api/dossiers',
        birthRegistrationFiling({ idNumber }),
      );
      expect(filed.status).toBe(201);
      codes.push(filed.body.dossier.code as string);
    }
    for (const code of codes) {
      const received = await eventually(`receipt of ${code}`, async () => {
        const d = await DossierModel.findOne({ code }).lean();
        return d?.status === 2 && d.slips?.some((s) => s.kind === '01') ? d : undefined;
      });
      expect(received.appointmentAt).toBeInstanceOf(Date);
    }
    expect((await as['chuyenvien.hoankiem']!.get('/api/tasks')).status).toBe(200);
  } finally {
    stderr.mockRestore();
  }
  const skipped = lines.filter((l) => l.includes('holiday entry skipped by the working calendar'));
  expect(skipped).toHaveLength(1);
  expect(JSON.parse(skipped[0]!)).toMatchObject({ level: 'error', date: '2027-02-31' });
});
