// `npm run bench:docstore`: the document store through mongoose — bulk inserts/s, single inserts/s and p99
// (each acknowledged after fsync), indexed finds/s and p99 among DOCS dossier-shaped documents, and the time
// of an on-time-rate aggregation over 100,000 of them. Runs against the embedded docstore, and side by side
// against a real MongoDB when MONGODB_URI is set. Settings: DOCS (default 100,000), CONCURRENCY (default 32).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import mongoose, { Schema, Types } from 'mongoose';
import { startDocstore } from '../embedded/docstore';

const docs = Number(process.env.DOCS ?? 100_000);
const concurrency = Number(process.env.CONCURRENCY ?? 32);
const aggregationDocs = Math.min(docs, 100_000);

interface BenchDossier {
  code: string;
  agency: Types.ObjectId;
  status: number;
  applicant: { name: string; idNumber: string };
  submittedAt: Date;
  dueAt: Date;
  resolvedAt?: Date;
  timeline: { at: Date; action: string }[];
}

const schema = new Schema<BenchDossier>({
  code: { type: String, required: true, unique: true },
  agency: { type: Schema.Types.ObjectId, required: true },
  status: Number,
  applicant: { name: String, idNumber: String },
  submittedAt: Date,
  dueAt: Date,
  resolvedAt: Date,
  timeline: [{ _id: false, at: Date, action: String }],
});
schema.index({ agency: 1, submittedAt: -1 });

const agencies = Array.from({ length: 20 }, () => new Types.ObjectId());
const day = 86_400_000;
const start = Date.UTC(2026, 0, 1);

function dossier(i: number): BenchDossier {
  const submittedAt = new Date(start + (i % 365) * day + (i % 1000) * 1000);
  const dueAt = new Date(submittedAt.getTime() + 5 * day);
  const resolved = i % 4 !== 0;
  return {
    code: `HS-${String(i).padStart(8, '0')}`,
    agency: agencies[i % agencies.length] as Types.ObjectId,
    status: resolved ? 10 : 2,
    applicant: { name: `Nguyễn Văn ${i}`, idNumber: String(1e11 + i) },
    submittedAt,
    dueAt,
    ...(resolved ? { resolvedAt: new Date(submittedAt.getTime() + ((i % 7) + 1) * day) } : {}),
    timeline: [
      { at: submittedAt, action: 'dossier.submitted' },
      { at: dueAt, action: 'dossier.accepted' },
    ],
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Runs `total` calls of `op` with `concurrency` in flight; ops/s and latency percentiles in ms. */
async function load(total: number, op: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await op(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    opsPerSecond: Math.round(total / seconds),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

async function run(label: string, uri: string): Promise<Record<string, string>> {
  const connection = await mongoose.createConnection(uri, { maxPoolSize: concurrency + 4 }).asPromise();
  const Dossiers = connection.model<BenchDossier>('BenchDossier', schema);
  await Dossiers.collection.drop().catch(() => undefined);
  await Dossiers.init();

  const batch = 1000;
  let t = performance.now();
  for (let i = 0; i < docs; i += batch) {
    const chunk = Array.from({ length: Math.min(batch, docs - i) }, (_, k) => dossier(i + k));
    await Dossiers.insertMany(chunk, { lean: true });
  }
  const bulk = Math.round(docs / ((performance.now() - t) / 1000));
  const memory = Math.round(process.memoryUsage().rss / 1024 / 1024);

  const single = await load(5000, (i) => Dossiers.create(dossier(docs + i)));
  const byCode = await load(20_000, (i) =>
    Dossiers.findOne({ code: `HS-${String((i * 7919) % docs).padStart(8, '0')}` }).lean(),
  );
  const byAgency = await load(2000, (i) =>
    Dossiers.find({ agency: agencies[i % agencies.length] })
      .sort({ submittedAt: -1 })
      .limit(20)
      .lean(),
  );

  t = performance.now();
  const rate = await Dossiers.aggregate([
    {
      $match: {
        code: { $lt: `HS-${String(aggregationDocs).padStart(8, '0')}` },
        resolvedAt: { $exists: true },
      },
    },
    {
      $group: {
        _id: '$agency',
        resolved: { $sum: 1 },
        onTime: { $sum: { $cond: [{ $lte: ['$resolvedAt', '$dueAt'] }, 1, 0] } },
      },
    },
    { $project: { rate: { $divide: ['$onTime', '$resolved'] } } },
  ]);
  const aggregationMs = Math.round(performance.now() - t);
  await Dossiers.collection.drop();
  await connection.close();
  const fmt = (n: number) => n.toFixed(2);
  return {
    store: label,
    documents: docs.toLocaleString('en'),
    'bulk insert (insertMany ×1000) docs/s': bulk.toLocaleString('en'),
    'single insert ops/s': single.opsPerSecond.toLocaleString('en'),
    'single insert p50/p99 ms': `${fmt(single.p50)} / ${fmt(single.p99)}`,
    'find by unique code ops/s': byCode.opsPerSecond.toLocaleString('en'),
    'find by code p50/p99 ms': `${fmt(byCode.p50)} / ${fmt(byCode.p99)}`,
    'agency list (index, sort, limit 20) ops/s': byAgency.opsPerSecond.toLocaleString('en'),
    'agency list p50/p99 ms': `${fmt(byAgency.p50)} / ${fmt(byAgency.p99)}`,
    [`on-time-rate aggregation over ${aggregationDocs.toLocaleString('en')} ms`]: `${aggregationMs} (${rate.length} agencies)`,
    'bench process RSS after load MB': String(memory),
  };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'docstore-bench-'));
  const docstore = await startDocstore({ port: 0, dbpath: dir });
  const results: Record<string, string>[] = [];
  try {
    results.push(await run('embedded docstore', docstore.uri('bench')));
    if (process.env.MONGODB_URI) {
      const url = new URL(process.env.MONGODB_URI);
      url.pathname = '/motcua_bench';
      results.push(await run('MongoDB (MONGODB_URI)', url.toString()));
    }
  } finally {
    await docstore.close();
    await rm(dir, { recursive: true, force: true });
  }
  console.log(`concurrency ${concurrency}; writes acknowledged after fsync`);
  console.table(
    Object.fromEntries(
      Object.keys(results[0] ?? {}).map((k) => [k, Object.fromEntries(results.map((r) => [r.store, r[k]]))]),
    ),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
