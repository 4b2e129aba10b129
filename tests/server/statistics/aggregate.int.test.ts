// The database path (aggregation pipeline + counting) gives the same rows as the pure counting over the same
// dossiers, against the embedded docstore (or MONGODB_URI when set).
import { createHash } from 'node:crypto';
import mongoose, { Types, type Model } from 'mongoose';
import { DossierModel, type Dossier, type TimelineEvent } from '../../../server/models/Dossier';
import { periodOf, statisticsBy, type DossierRecord } from '../../../server/statistics';
import { dossierStatistics, loadStatisticsRecords } from '../../../server/statistics/aggregate';
import { startTarget, type Target } from '../../embedded/docstore/support/target';
import { march, record, vn } from './records';

let target: Target;
let connection: mongoose.Connection;
let dossiers: Model<Dossier>;

const earlier = [
  record('Q-closed-in-january', {
    receivedAt: vn('2026-01-05 09:00'),
    dueAt: vn('2026-01-08 17:00'),
    finishedAt: vn('2026-01-07 10:00'),
    returnedAt: vn('2026-01-08 10:00'),
    status: 10,
  }),
  record('R-stopped-in-january', {
    channel: 'online',
    receivedAt: vn('2026-01-12 09:00'),
    dueAt: vn('2026-01-15 17:00'),
    terminalEvents: [{ kind: 'stopped', at: vn('2026-01-13 09:00') }],
    status: 8,
  }),
];
const cuaNam = [
  record('S-cua-nam', {
    agency: '000.00.65.H26',
    procedure: '2.000815',
    channel: 'post',
    receivedAt: vn('2026-02-10 09:00'),
    dueAt: vn('2026-02-11 17:00'),
    finishedAt: vn('2026-02-12 09:00'),
    status: 9,
  }),
];
const timeLimit = { value: 3, unit: 'working-days' as const };
const all: DossierRecord[] = [...march, ...earlier, ...cuaNam].map((r) => ({
  ...r,
  agency: r.agency.startsWith('000.') ? r.agency : '000.00.64.H26',
  timeLimit: r.timeLimit ?? timeLimit,
}));

function timelineOf(r: DossierRecord): TimelineEvent[] {
  const actor = { kind: 'system' as const };
  const events: TimelineEvent[] = [{ at: r.submittedAt, actor, action: 'dossier.submitted', status: 1 }];
  if (r.receivedAt) events.push({ at: r.receivedAt, actor, action: 'dossier.accepted', status: 2 });
  for (const request of r.supplementRequests) {
    events.push({ at: request.requestedAt, actor, action: 'dossier.supplement-requested', status: 5 });
    if (request.suppliedAt)
      events.push({ at: request.suppliedAt, actor, action: 'dossier.supplemented', status: 4 });
  }
  const statusOf = { refused: 3, withdrawn: 7, stopped: 8 } as const;
  for (const e of r.terminalEvents)
    events.push({ at: e.at, actor, action: `dossier.${e.kind}`, status: statusOf[e.kind] });
  if (r.finishedAt) events.push({ at: r.finishedAt, actor, action: 'dossier.resolved', status: 9 });
  if (r.returnedAt) events.push({ at: r.returnedAt, actor, action: 'dossier.returned', status: 10 });
  events.push({ at: r.submittedAt, actor, action: 'note.added' });
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}

function documentOf(r: DossierRecord) {
  const agency = new Types.ObjectId();
  const timeline = timelineOf(r);
  const closed = [3, 7, 8, 9, 10].includes(r.status);
  return {
    _id: new Types.ObjectId(),
    code: r.code,
    procedure: {
      id: new Types.ObjectId(),
      code: r.procedure,
      name: 'Thủ tục',
      version: 1,
      bpmnProcessId: 'p',
      forms: [],
      timeLimit: r.timeLimit,
      components: [],
    },
    receivingAgency: agency,
    receivingAgencyCode: r.agency,
    currentAgency: agency,
    visibleToAgencies: [agency],
    applicant: { name: 'Nguyễn Văn An', idNumber: '001090012345' },
    channel: r.channel,
    declaration: { data: {} },
    documents: [],
    status: r.status,
    submittedAt: r.submittedAt,
    ...(r.receivedAt ? { receivedAt: r.receivedAt } : {}),
    ...(r.dueAt ? { appointmentAt: r.dueAt, dueAt: r.dueAt } : {}),
    ...(r.finishedAt ? { resolvedAt: r.finishedAt } : {}),
    ...(r.returnedAt ? { returnedAt: r.returnedAt } : {}),
    stepDeadlines: [],
    timeline,
    fees: [],
    receiptSecretHash: createHash('sha256').update(r.code).digest('hex'),
    createdAt: r.submittedAt,
    // A closed dossier was last written when it ended; an open one is still being worked on.
    updatedAt: closed ? (timeline.at(-1)?.at ?? r.submittedAt) : new Date(),
  };
}

beforeAll(async () => {
  target = await startTarget();
  connection = await mongoose.createConnection(target.uri(target.dbName)).asPromise();
  dossiers = connection.model<Dossier>('Dossier', DossierModel.schema);
  await dossiers.collection.insertMany(all.map(documentOf));
});

afterAll(async () => {
  await connection.close();
  await target.close();
});

const quarter = periodOf('quarter', vn('2026-02-15 12:00'));
const march2026 = periodOf('month', vn('2026-03-15 12:00'));

test('the pipeline leaves out only dossiers that ended before the period', async () => {
  const loaded = await loadStatisticsRecords(dossiers, march2026.from, march2026.to);
  const codes = loaded.map((r) => r.code).sort();
  expect(codes).not.toContain('Q-closed-in-january');
  expect(codes).not.toContain('R-stopped-in-january');
  expect(codes).not.toContain('S-cua-nam');
  expect(codes).toContain('I-waiting-for-citizen');
  expect(codes).toContain('J-refused-at-intake');
  const waiting = loaded.find((r) => r.code === 'I-waiting-for-citizen');
  expect(waiting?.supplementRequests).toEqual([{ requestedAt: vn('2026-03-21 10:00') }]);
});

test('database statistics equal the pure counting, by agency and month over a quarter', async () => {
  const query = { from: quarter.from, to: quarter.to, groupBy: ['agency' as const, 'period' as const] };
  const fromDatabase = await dossierStatistics(dossiers, query);
  const pure = statisticsBy(all, query);
  expect(fromDatabase).toEqual(pure);
  expect(fromDatabase.map((row) => [row.agency, row.period, row.counts.received.total])).toEqual([
    ['000.00.64.H26', '2026-01', 2],
    ['000.00.64.H26', '2026-02', 2],
    ['000.00.64.H26', '2026-03', 12],
    ['000.00.65.H26', '2026-01', 0],
    ['000.00.65.H26', '2026-02', 1],
    ['000.00.65.H26', '2026-03', 0],
  ]);
});

test('database statistics equal the pure counting for one month and one agency', async () => {
  const query = { from: march2026.from, to: march2026.to, groupBy: ['procedure' as const] };
  const fromDatabase = await dossierStatistics(dossiers, { ...query, agencyCodes: ['000.00.64.H26'] });
  const pure = statisticsBy(
    all.filter((r) => r.agency === '000.00.64.H26'),
    query,
  );
  expect(fromDatabase).toEqual(pure);
  expect(fromDatabase[0]?.counts.resolved).toEqual({ total: 8, early: 2, onTime: 3, late: 3 });
});
