// Changing a dossier after submission: the timeline event and the fields it derives land in one
// single-document update; a guarded change applies once; a transfer widens visibility.
import { AgencyModel } from '../../server/models/Agency';
import { DossierModel } from '../../server/models/Dossier';
import { changeDossier } from '../../server/domain/dossier-events';
import { ApiClient } from './support/api-client';
import { counterSubmission, publishBirthRegistration } from './support/fixtures';
import { startTestSystem, type TestSystem } from './support/test-system';

let system: TestSystem;
let officer: ApiClient;

beforeAll(async () => {
  system = await startTestSystem();
  await publishBirthRegistration();
  officer = new ApiClient(() => system.url);
  await officer.login('tiepnhan.hoankiem', system.logins['tiepnhan.hoankiem']!.password);
});
afterAll(() => system.close());

async function submitted() {
  const code = (await officer.post('/api/dossiers', counterSubmission())).body.dossier.code as string;
  return (await DossierModel.findOne({ code }).lean())!;
}

it('appends the event and sets status and dates together; a repeated guarded change does nothing', async () => {
  const dossier = await submitted();
  const receivedAt = new Date('2025-07-01T02:00:00Z');
  const accept = {
    event: {
      actor: { kind: 'system' as const },
      action: 'dossier.accepted' as const,
      elementId: 'Activity_intake',
    },
    status: 2 as const,
    set: { receivedAt, appointmentAt: new Date('2025-07-02T02:00:00Z') },
    onlyFrom: [1 as const],
  };
  const after = await changeDossier(dossier._id, accept);
  expect(after).toMatchObject({ status: 2, receivedAt });
  expect(after!.timeline.map((e) => [e.action, e.status, e.elementId])).toEqual([
    ['dossier.submitted', 1, undefined],
    ['dossier.accepted', 2, 'Activity_intake'],
  ]);
  expect(await changeDossier(dossier._id, accept)).toBeNull();
  expect((await DossierModel.findById(dossier._id).lean())!.timeline).toHaveLength(2);

  const detail = await officer.get(`/api/dossiers/${dossier.code}`);
  expect(detail.body.status).toMatchObject({ code: 2, label: 'Được tiếp nhận' });
});

it('hands a dossier over to another agency, which then sees it, while the receiving agency keeps it', async () => {
  const dossier = await submitted();
  const police = await AgencyModel.findOne({ code: '000.00.20.H26' }).lean();
  const after = await changeDossier(dossier._id, {
    event: {
      actor: { kind: 'system' },
      action: 'dossier.transferred',
      agency: police!._id,
      agencyCode: police!.code,
    },
    status: 4,
    subStatus: 'awaiting-interagency',
    transferTo: police!._id,
  });
  expect(after!.currentAgency).toEqual(police!._id);
  expect(after!.visibleToAgencies.map(String).sort()).toEqual(
    [String(dossier.receivingAgency), String(police!._id)].sort(),
  );
  expect(after!.subStatus).toBe('awaiting-interagency');
  const cleared = await changeDossier(dossier._id, {
    event: { actor: { kind: 'system' }, action: 'dossier.result-returned-to-receiver' },
    subStatus: null,
  });
  expect(cleared!.subStatus).toBeUndefined();
});
