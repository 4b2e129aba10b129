// What a chaos run counts once the system has settled, from the store (mongoose) and the engine's inspection API:
// the filings acknowledged and kept, and every way a dossier can have been lost, doubled or left stuck.
import { AuditEventModel } from '../../server/models/AuditEvent';
import { CaughtMailModel } from '../../server/models/CaughtMail';
import { DossierModel } from '../../server/models/Dossier';
import { TaskModel } from '../../server/models/Task';
import type { Filing } from './clerk';

/** Where a dossier of the run is done: refused at review (Mẫu 03, or stopped with Mẫu 05), or the result handed over. */
export const finalStatuses = [3, 8, 10];

export interface Row {
  name: string;
  count: number;
  /** A non-zero count is a failure of the run. */
  bad: boolean;
  definition: string;
  examples?: string[];
}

interface InstanceSummary {
  key: string;
  bpmnProcessId: string;
  state: string;
  parentProcessInstanceKey: string | null;
}

async function inspect<T>(inspection: { url: string; token: string }, path: string): Promise<T> {
  const response = await fetch(`${inspection.url}${path}`, {
    headers: { authorization: `Bearer ${inspection.token}` },
  });
  if (!response.ok) throw new Error(`inspection ${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** The dossier id of each top-level process instance not cancelled, from its root-scope variables. */
async function liveInstancesByDossier(inspection: {
  url: string;
  token: string;
}): Promise<Map<string, string[]>> {
  const all = await inspect<InstanceSummary[]>(inspection, '/process-instances');
  const byDossier = new Map<string, string[]>();
  for (const summary of all) {
    if (summary.parentProcessInstanceKey !== null || summary.state === 'CANCELED') continue;
    const view = await inspect<{
      variables: Array<{ scopeKey: string; variables: Record<string, unknown> }>;
    }>(inspection, `/process-instances/${summary.key}`);
    const dossierId = view.variables.find((v) => v.scopeKey === summary.key)?.variables.dossierId;
    const id = typeof dossierId === 'string' ? dossierId : '(no dossierId)';
    byDossier.set(id, [...(byDossier.get(id) ?? []), summary.key]);
  }
  return byDossier;
}

export async function tally(options: {
  filings: Filing[];
  /** The counter officer's user id: the store keys a submission as `<user id>:<idempotency key>`. */
  clerkUserId: string;
  inspection: { url: string; token: string };
  settleS: number;
}): Promise<Row[]> {
  const { filings, settleS } = options;
  const storedKey = (f: Filing) => `${options.clerkUserId}:${f.idempotencyKey}`;
  const dossiers = await DossierModel.find(
    { idempotencyKey: { $in: filings.map(storedKey) } },
    { code: 1, status: 1, idempotencyKey: 1, slips: 1, timeline: 1 },
  ).lean();
  const byKey = new Map<string, typeof dossiers>();
  for (const d of dossiers) byKey.set(d.idempotencyKey!, [...(byKey.get(d.idempotencyKey!) ?? []), d]);
  const acknowledged = filings.filter((f) => f.acknowledged);
  const present = acknowledged.filter((f) => byKey.has(storedKey(f)));
  const missing = acknowledged.filter((f) => !byKey.has(storedKey(f)));
  const duplicated = [...byKey.values()].filter((list) => list.length > 1);

  const instances = await liveInstancesByDossier(options.inspection);
  const liveCount = (id: string) => instances.get(id)?.length ?? 0;
  const withoutInstance = dossiers.filter((d) => liveCount(d._id.toHexString()) === 0);
  const withSeveral = dossiers.filter((d) => liveCount(d._id.toHexString()) >= 2);

  // The run's officers complete every task within seconds, so a task open longer than the settle time is not
  // waiting for them: it is one they could not complete.
  const now = Date.now();
  const waiting = new Set(
    (
      await TaskModel.distinct('dossier', {
        state: 'open',
        dossier: { $in: dossiers.map((d) => d._id) },
        createdAt: { $gt: new Date(now - settleS * 1000) },
      })
    ).map((id) => String(id)),
  );
  const stuck = dossiers.filter((d) => {
    const last = Math.max(...d.timeline.map((e) => new Date(e.at).getTime()));
    return (
      !finalStatuses.includes(d.status) && !waiting.has(d._id.toHexString()) && now - last > settleS * 1000
    );
  });

  const incidents = await inspect<Array<{ processInstanceKey: string; elementId: string; message: string }>>(
    options.inspection,
    '/incidents',
  );

  const doubledSlips: string[] = [];
  for (const d of dossiers) {
    const kinds = new Map<string, number>();
    for (const slip of d.slips ?? []) kinds.set(slip.kind, (kinds.get(slip.kind) ?? 0) + 1);
    for (const [kind, n] of kinds) if (n > 1) doubledSlips.push(`${d.code} Mẫu ${kind} ×${n}`);
  }

  const mails = await CaughtMailModel.aggregate<{ _id: string; n: number }>([
    { $group: { _id: '$messageId', n: { $sum: 1 } } },
    { $match: { n: { $gt: 1 } } },
  ]);

  const audited = new Set(
    await AuditEventModel.distinct('target.id', {
      action: 'dossier.create',
      'target.id': { $in: dossiers.map((d) => d._id.toHexString()) },
    }),
  );
  const unaudited = dossiers.filter((d) => !audited.has(d._id.toHexString()));

  const mailsReceived = await CaughtMailModel.countDocuments({});
  const slipsIssued = dossiers.reduce((n, d) => n + (d.slips?.length ?? 0), 0);
  const codes = (list: Array<{ code: string }>) => list.slice(0, 5).map((d) => d.code);
  return [
    {
      name: 'acknowledged',
      count: acknowledged.length,
      bad: false,
      definition: `filings answered 2xx by the API (of ${filings.length} sent)`,
    },
    {
      name: 'present',
      count: present.length,
      bad: false,
      definition: 'acknowledged filings with a dossier in the store under their idempotency key',
    },
    {
      name: 'missing',
      count: missing.length,
      bad: true,
      definition: 'acknowledged filings with no dossier in the store',
      examples: missing.slice(0, 5).map((f) => `${f.idempotencyKey} (${f.acknowledged!.code})`),
    },
    {
      name: 'duplicated',
      count: duplicated.length,
      bad: true,
      definition: 'idempotency keys with more than one dossier',
      examples: duplicated.slice(0, 5).map((list) => list.map((d) => d.code).join(' = ')),
    },
    {
      name: '0 live instances',
      count: withoutInstance.length,
      bad: true,
      definition: 'dossiers with no top-level process instance (active, incident or completed) in the engine',
      examples: codes(withoutInstance),
    },
    {
      name: '≥ 2 live instances',
      count: withSeveral.length,
      bad: true,
      definition: 'dossiers with two or more top-level process instances not cancelled',
      examples: withSeveral
        .slice(0, 5)
        .map((d) => `${d.code}: ${instances.get(d._id.toHexString())!.join(', ')}`),
    },
    {
      name: 'stuck',
      count: stuck.length,
      bad: true,
      definition:
        `not done (status not ${finalStatuses.join('/')}), no timeline event in the last ${settleS} s, and not ` +
        `waiting for an officer (no task opened in the last ${settleS} s; the run's officers complete tasks within seconds)`,
      examples: stuck
        .slice(0, 5)
        .map((d) => `${d.code} (status ${d.status}, last ${d.timeline.at(-1)?.action})`),
    },
    {
      name: 'incidents',
      count: incidents.length,
      bad: true,
      definition: "open incidents in the engine's inspection API",
      examples: incidents.slice(0, 5).map((i) => `${i.processInstanceKey} ${i.elementId}: ${i.message}`),
    },
    {
      name: 'duplicated slips',
      count: doubledSlips.length,
      bad: true,
      definition:
        'a slip kind issued twice for one dossier (the run asks for no supplement: each kind at most once)',
      examples: doubledSlips.slice(0, 5),
    },
    {
      name: 'duplicated e-mails',
      count: mails.reduce((n, m) => n + m.n - 1, 0),
      bad: true,
      definition: 'extra copies the mail catcher received of one outbox row (same Message-ID)',
      examples: mails.slice(0, 5).map((m) => `${m._id} ×${m.n}`),
    },
    {
      name: 'missing audit events',
      count: unaudited.length,
      bad: true,
      definition: 'dossiers without their dossier.create audit event',
      examples: codes(unaudited),
    },
    {
      name: 'e-mails received',
      count: mailsReceived,
      bad: false,
      definition: 'what the mail catcher kept (what the counts above were checked against)',
    },
    {
      name: 'slips issued',
      count: slipsIssued,
      bad: false,
      definition: "slips on the run's dossiers",
    },
  ];
}

export function printTable(rows: Row[]): void {
  const width = Math.max(...rows.map((r) => r.name.length));
  const digits = Math.max(...rows.map((r) => String(r.count).length));
  for (const row of rows) {
    const mark = row.bad && row.count > 0 ? '  ✗' : '   ';
    console.log(
      `${mark} ${row.name.padEnd(width)}  ${String(row.count).padStart(digits)}  ${row.definition}`,
    );
    for (const example of row.count > 0 ? (row.examples ?? []) : [])
      console.log(`${''.padEnd(width + digits + 7)}e.g. ${example}`);
  }
}
