// An incident recorded at an element ends when a job at that element succeeds (server/domain/process-incidents.ts):
// the mark goes, with no timeline event; a success elsewhere in the instance leaves it.
import { DossierModel } from '../../server/models/Dossier';
import { clearIncidentAt, recordIncident } from '../../server/domain/process-incidents';
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

it('clears the incident at its element only, without a timeline event', async () => {
  const code = (await officer.post('/api/dossiers', counterSubmission())).body.dossier.code as string;
  const processInstanceKey = `instance-of-${code}`;
  await DossierModel.updateOne({ code }, { $set: { processInstanceKey } });
  expect(
    await recordIncident({
      processInstanceKey,
      elementId: 'WarnNearDue',
      message: 'Máy chủ lịch không trả lời',
    }),
  ).toBe(true);
  const incident = (await DossierModel.findOne({ code }).lean())!;
  expect(incident.processHealth).toMatchObject({ state: 'incident', elementId: 'WarnNearDue' });

  await clearIncidentAt(processInstanceKey, 'Review');
  expect((await DossierModel.findOne({ code }).lean())!.processHealth).toMatchObject({ state: 'incident' });

  await clearIncidentAt(processInstanceKey, 'WarnNearDue');
  const cleared = (await DossierModel.findOne({ code }).lean())!;
  expect(cleared.processHealth).toBeUndefined();
  expect(cleared.timeline).toHaveLength(incident.timeline.length);
});
