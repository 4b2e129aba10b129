// `npm run bench:statistics`: Decision 766 counts over RECORDS synthetic dossiers (default 100,000) for a year,
// once as a whole and once grouped by agency and month. Settings: RECORDS, AGENCIES (default 20).
import { performance } from 'node:perf_hooks';
import { countDossiers, periodOf, statisticsBy, type DossierRecord } from '../server/statistics';

const total = Number(process.env.RECORDS ?? 100_000);
const agencies = Number(process.env.AGENCIES ?? 20);
const day = 86_400_000;
const year = periodOf('year', new Date('2026-06-01T00:00:00Z'));

function synthetic(i: number): DossierRecord {
  const receivedAt = new Date(year.from.getTime() + ((i * 7919) % 360) * day + 2 * 3_600_000);
  const dueAt = new Date(receivedAt.getTime() + 3 * day + 8 * 3_600_000);
  const kind = i % 10;
  const supplement =
    kind === 3
      ? [
          {
            requestedAt: new Date(receivedAt.getTime() + day),
            suppliedAt: new Date(receivedAt.getTime() + 3 * day),
          },
        ]
      : [];
  return {
    code: `D${i}`,
    agency: `A${i % agencies}`,
    procedure: `P${i % 8}`,
    channel: (['counter', 'online', 'post'] as const)[i % 3] ?? 'counter',
    status: kind < 7 ? 9 : kind === 7 ? 8 : 4,
    submittedAt: receivedAt,
    receivedAt,
    dueAt,
    ...(kind < 7 ? { finishedAt: new Date(receivedAt.getTime() + (1 + (i % 5)) * day) } : {}),
    supplementRequests: supplement,
    terminalEvents: kind === 7 ? [{ kind: 'stopped', at: new Date(receivedAt.getTime() + day) }] : [],
  };
}

const records = Array.from({ length: total }, (_, i) => synthetic(i));

let start = performance.now();
const whole = countDossiers(records, year.from, year.to);
console.log(
  `whole year: ${total} dossiers in ${(performance.now() - start).toFixed(0)} ms ` +
    `(received ${whole.received.total}, resolved ${whole.resolved.total}, pending ${whole.pending.total})`,
);

start = performance.now();
const rows = statisticsBy(records, {
  from: year.from,
  to: year.to,
  groupBy: ['agency', 'period'],
  period: 'month',
});
console.log(`by agency and month: ${rows.length} rows in ${(performance.now() - start).toFixed(0)} ms`);
