// Every model deploys on the embedded engine (with its decision tables); birth registration runs its happy,
// supplement and refusal paths, decides its fee exemption by its table, the overdue timer fires from dueAt, and
// the children's package runs across three agencies by messages.
import { EngineDrive, type JobRecord } from './engine-drive';
import { modelFiles } from './model-files';

// Each path waits on real gRPC round trips and job polling.
jest.setTimeout(30_000);

let drive: EngineDrive;

beforeAll(async () => {
  drive = await EngineDrive.start();
});

afterAll(async () => {
  await drive.close();
});

const steps = (jobs: JobRecord[]): string[] =>
  jobs.map((j) =>
    j.type === 'io.camunda.zeebe:userTask'
      ? `user:${j.elementId}`
      : `${j.type}${j.headers.action ? `:${j.headers.action}` : ''}`,
  );

function start(bpmnProcessId: string, dossierCode: string, facts: Record<string, unknown> = {}) {
  return drive.zbc.createProcessInstanceWithResult({
    bpmnProcessId,
    variables: {
      dossierId: `id-${dossierCode}`,
      dossierCode,
      procedureCode: '1.001193',
      agencyCode: 'ubnd-xa',
      channel: 'counter',
      ...facts,
    },
    requestTimeout: 20_000,
  });
}

test('every model deploys', async () => {
  const deployed = await drive.deployAll();
  const expected = modelFiles().flatMap((m) =>
    [...m.xml.matchAll(/<bpmn:process id="([^"]+)"/g)].map((x) => x[1]),
  );
  expect(deployed.sort()).toEqual(expected.sort());
  drive.startWorkers();
});

test('birth registration, happy path: intake to delivered result', async () => {
  const code = '000.00.64.H10-250901-0001';
  const result = await start('dang-ky-khai-sinh', code);
  expect(result.variables).toMatchObject({ accepted: true, decision: 'approve' });
  expect(steps(drive.jobsOf(code))).toEqual([
    'dossier.intake',
    'dossier.scan',
    'dossier.fee',
    'dossier.deadline:compute',
    'user:Review',
    'user:Sign',
    'result.return:ready',
    'user:HandOverResult',
    'result.return:delivered',
  ]);
});

test('birth registration: the fee exemption table decides feeDecision before the fee is collected', async () => {
  const onTime = await start('dang-ky-khai-sinh', '000.00.64.H10-250901-0011', {
    childBirthDate: '2025-07-01',
    receivedOn: '2025-08-30',
  });
  expect(onTime.variables.feeDecision).toMatchObject({ exempt: true });
  const late = await start('dang-ky-khai-sinh', '000.00.64.H10-250901-0012', {
    childBirthDate: '2025-01-01',
    receivedOn: '2025-09-01',
  });
  expect(late.variables.feeDecision).toMatchObject({ exempt: false });
  const poorHousehold = await start('dang-ky-khai-sinh', '000.00.64.H10-250901-0013', {
    applicantCategory: 'ho-ngheo',
    childBirthDate: '2025-01-01',
    receivedOn: '2025-09-01',
  });
  expect(poorHousehold.variables.feeDecision).toEqual({
    exempt: true,
    basis: 'Luật Hộ tịch 2014, Điều 11 khoản 1 điểm a',
  });
  expect(steps(drive.jobsOf('000.00.64.H10-250901-0013')).slice(0, 3)).toEqual([
    'dossier.intake',
    'dossier.scan',
    'dossier.fee',
  ]);
});

test('birth registration, supplement path: guidance at intake, supplement in review, clock resumed', async () => {
  const code = '000.00.64.H10-250901-0002';
  drive.scripts.set(code, { intake: [false, true], decisions: { Review: ['supplement', 'approve'] } });
  const done = start('dang-ky-khai-sinh', code);
  const supplements = () => drive.jobsOf(code).filter((j) => j.type === 'dossier.supplement').length;
  await drive.waitFor(() => supplements() === 1, 'phiếu hướng dẫn bổ sung khi tiếp nhận');
  await drive.zbc.publishMessage({
    name: 'dossier.supplemented',
    correlationKey: code,
    timeToLive: 60_000,
    variables: {},
  });
  await drive.waitFor(() => supplements() === 2, 'yêu cầu bổ sung khi thẩm định');
  await drive.zbc.publishMessage({
    name: 'dossier.supplemented',
    correlationKey: code,
    timeToLive: 60_000,
    variables: {},
  });
  const result = await done;
  expect(result.variables).toMatchObject({ decision: 'approve' });
  expect(steps(drive.jobsOf(code))).toEqual([
    'dossier.intake',
    'dossier.supplement',
    'dossier.intake',
    'dossier.scan',
    'dossier.fee',
    'dossier.deadline:compute',
    'user:Review',
    'dossier.supplement',
    'dossier.deadline:resume',
    'user:Review',
    'user:Sign',
    'result.return:ready',
    'user:HandOverResult',
    'result.return:delivered',
  ]);
});

test('birth registration, refusal path: written refusal and notice, no result', async () => {
  const code = '000.00.64.H10-250901-0003';
  drive.scripts.set(code, { decisions: { Review: ['approve'], Sign: ['return', 'refuse'] } });
  await start('dang-ky-khai-sinh', code);
  const jobs = drive.jobsOf(code);
  expect(steps(jobs).slice(4)).toEqual([
    'user:Review',
    'user:Sign',
    'user:Review',
    'user:Sign',
    'dossier.refuse',
    'dossier.notify',
  ]);
  expect(jobs.find((j) => j.type === 'dossier.refuse')?.headers.kind).toBe('refuse');
  expect(jobs.some((j) => j.type === 'result.return')).toBe(false);
});

test('the near-due and overdue timers fire from warnAt and dueAt without interrupting the processing', async () => {
  const code = '000.00.64.H10-250901-0004';
  const now = Date.now();
  let release = (): void => undefined;
  drive.scripts.set(code, {
    warnAt: new Date(now + 60 * 60_000).toISOString(),
    dueAt: new Date(now + 2 * 60 * 60_000).toISOString(),
    hold: new Promise<void>((resolve) => (release = resolve)),
  });
  const done = start('dang-ky-khai-sinh', code);
  await drive.waitFor(() => drive.jobsOf(code).some((j) => j.elementId === 'Review'), 'thẩm định bắt đầu');
  await drive.advanceClock(3 * 60 * 60_000);
  await drive.waitFor(
    () =>
      drive.jobsOf(code).some((j) => j.type === 'dossier.notify' && j.headers.template === 'xin-loi-hen-lai'),
    'xử lý quá hạn và thông báo hẹn lại',
  );
  release();
  const result = await done;
  expect(result.variables).toMatchObject({ decision: 'approve' });
  const actions = drive
    .jobsOf(code)
    .filter((j) => j.type === 'dossier.deadline')
    .map((j) => j.headers.action);
  expect(actions).toEqual(['compute', 'warn', 'overdue']);
  expect(steps(drive.jobsOf(code)).slice(-3)).toEqual([
    'result.return:ready',
    'user:HandOverResult',
    'result.return:delivered',
  ]);
});

test('children package: the commune forwards to police and social insurance and waits for both', async () => {
  const code = '000.00.64.H10-250901-0005';
  const result = await start('lien-thong-khai-sinh', code).catch((error: unknown) => {
    throw new Error(`${String(error)}; các việc đã làm: ${steps(drive.jobsOf(code)).join(', ')}`);
  });
  expect(result.variables).toMatchObject({ residenceDecision: 'approve', healthCardDecision: 'approve' });
  const byProcess = (id: string) => drive.jobsOf(code).filter((j) => j.bpmnProcessId === id);
  expect(steps(byProcess('lien-thong-khai-sinh.cong-an'))).toEqual([
    'dossier.deadline:compute',
    'user:Review',
    'user:Sign',
    'dossier.transfer',
  ]);
  expect(steps(byProcess('lien-thong-khai-sinh.bhxh'))).toEqual([
    'dossier.deadline:compute',
    'user:Review',
    'user:Sign',
    'dossier.transfer',
  ]);
  expect(
    byProcess('lien-thong-khai-sinh')
      .filter((j) => j.type === 'dossier.transfer')
      .map((j) => j.headers.direction),
  ).toEqual(['forward', 'forward']);
});
