// `npm run bench:api`: latency (p50/p95/p99) and throughput of the two hot reads — a dossier by code and the
// agency's dossier list — with 100,000 dossiers in the store, at a fixed 200 requests/s (target p95 < 20 ms).
// The store (embedded docstore, or MONGODB_URI) and the API each run in their own process (the API through the
// real start command); the open-loop load generator (bench/open-loop-load.ts) runs here. Settings: DOSSIERS, RATE,
// DURATION (seconds), CONNECTIONS.
// Each measure also prints the CPU time the API and the store spent per request (from /proc): on a shared machine
// the latencies follow the neighbours' load, the CPU cost much less so.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose, { Types } from 'mongoose';
import { connectionString, credentialsFile } from '../embedded/docstore';
import { formatDossierCode, receiptDay } from '../server/domain/dossier-code';
import { hashReceiptSecret } from '../server/domain/receipt-secret';
import { connectStore } from '../server/models/connect-store';
import { AgencyModel } from '../server/models/Agency';
import { DossierModel } from '../server/models/Dossier';
import { ProcedureModel } from '../server/models/Procedure';
import { seedCatalogue } from '../server/seed/seed-catalogue';
import { seedDemoData } from '../server/seed/seed-demo-data';
import { openLoopLoad } from './open-loop-load';

const dossiers = Number(process.env.DOSSIERS ?? 100_000);
const rate = Number(process.env.RATE ?? 200);
const duration = Number(process.env.DURATION ?? 20);
const connections = Number(process.env.CONNECTIONS ?? 10);
/** Seconds of the same load before each measure, unmeasured: the API's first requests run cold code. */
const WARMUP_S = 3;
const root = path.resolve(__dirname, '..');

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** A process and its descendants (the API runs under the tsx launcher), from /proc; empty where there is none. */
function processTree(pid: number | undefined): number[] {
  if (pid === undefined) return [];
  const parentOf = (entry: string) => {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      return undefined;
    }
  };
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return [];
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++)
    for (const entry of entries) if (parentOf(entry) === tree[i]) tree.push(Number(entry));
  return tree;
}

/** CPU time (user + system, ms) the processes have used so far; what a request costs, whatever the neighbours do. */
function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone or no /proc: counts nothing
    }
  }
  return ticks * 10;
}

/** 100,000 dossiers over 180 days across the seeded service centres, inserted through the driver in batches. */
async function loadDossiers(): Promise<string[]> {
  const centres = await AgencyModel.find({ kind: 'service-centre' }).lean();
  const procedure = await ProcedureModel.findOne({ code: '1.001193' }).lean();
  const secretHash = await hashReceiptSecret('BENCHSECRET');
  const sequence = new Map<string, number>();
  const hoanKiemCodes: string[] = [];
  const start = Date.now() - 180 * 86_400_000;
  const batchSize = 2000;
  for (let offset = 0; offset < dossiers; offset += batchSize) {
    const batch = [];
    for (let i = offset; i < Math.min(dossiers, offset + batchSize); i++) {
      const centre = centres[i % centres.length]!;
      const submittedAt = new Date(start + Math.floor((i / dossiers) * 180 * 86_400_000));
      const day = receiptDay(submittedAt);
      const key = `${centre.code}|${day}`;
      const seq = (sequence.get(key) ?? 0) + 1;
      sequence.set(key, seq);
      const code = formatDossierCode(centre.code, day, seq);
      if (centre.code === '001.00.31.H26') hoanKiemCodes.push(code);
      const status = [1, 2, 4, 4, 4, 5, 9, 10, 10, 10][i % 10]!;
      batch.push({
        _id: new Types.ObjectId(),
        code,
        procedure: {
          id: procedure!._id,
          code: procedure!.code,
          name: procedure!.names.vi,
          version: 1,
          bpmnProcessId: 'dang-ky-khai-sinh',
          forms: [],
          timeLimit: { value: 1, unit: 'working-days' },
          components: [],
        },
        receivingAgency: centre._id,
        receivingAgencyCode: centre.code,
        currentAgency: centre._id,
        visibleToAgencies: [centre._id],
        applicant: { name: `Công dân ${i}`, idNumber: String(1_000_000_000_00 + i).padStart(12, '0') },
        channel: i % 3 === 0 ? 'online' : 'counter',
        declaration: { data: { child: { fullName: `Trẻ ${i}` } } },
        documents: [],
        status,
        submittedAt,
        receivedAt: submittedAt,
        dueAt: new Date(submittedAt.getTime() + 86_400_000),
        stepDeadlines: [],
        timeline: [{ at: submittedAt, actor: { kind: 'system' }, action: 'dossier.submitted', status: 1 }],
        fees: [],
        // Processed dossiers: their instances live in the engine, so the start-up sweep leaves them alone.
        processInstanceKey: String(2_251_799_813_685_248 + i),
        receiptSecretHash: secretHash,
        createdAt: submittedAt,
        updatedAt: submittedAt,
      });
    }
    await DossierModel.collection.insertMany(batch, { ordered: false });
    process.stdout.write(`\r  loaded ${Math.min(dossiers, offset + batchSize)} / ${dossiers} dossiers`);
  }
  process.stdout.write('\n');
  return hoanKiemCodes;
}

async function startApi(
  storeUri: string,
  dataDir: string,
): Promise<{ url: string; password: string; pid: number | undefined; stop(): Promise<void> }> {
  // e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/api-profile" to profile the API process
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [...nodeArgs, 'scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, MONGODB_URI: storeUri, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' },
  });
  let out = '';
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Stop with Ctrl+C.')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`the API exited with ${code}`)));
  });
  return {
    url: /running at (http:\/\/\S+)/.exec(out)![1]!,
    // Not in the banner: the passwords were generated by the seeding above, so the start prints only the file.
    password: (
      JSON.parse(readFileSync(path.join(dataDir, 'demo-logins.json'), 'utf8')) as Record<string, string>
    )['tiepnhan.hoankiem']!,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

interface Processes {
  api: number[];
  store: number[];
}

async function measure(
  title: string,
  url: string,
  cookie: string,
  processes: Processes,
  nextPath: () => string,
) {
  const load = { url, rate, connections, headers: { cookie, accept: 'application/json' }, nextPath };
  await openLoopLoad({ ...load, durationS: WARMUP_S });
  const cpuBefore = { api: cpuMs(processes.api), store: cpuMs(processes.store) };
  const result = await openLoopLoad({ ...load, durationS: duration });
  const { latencies } = result;
  const answered = latencies.length;
  const ok = [...result.byStatus]
    .filter(([status]) => status >= 200 && status < 300)
    .reduce((n, [, c]) => n + c, 0);
  const p95 = percentile(latencies, 95);
  const perRequest = (before: number, pids: number[]) =>
    pids.length ? ((cpuMs(pids) - before) / answered).toFixed(2) : '?';
  const meets = p95 < 20 && ok === answered && result.errors === 0 && result.timeouts === 0;
  console.log(
    `${title.padEnd(34)} p50 ${percentile(latencies, 50).toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  p99 ${percentile(latencies, 99).toFixed(1)} ms  ` +
      `throughput ${(answered / result.elapsedS).toFixed(0)} req/s  (2xx ${ok}, non-2xx ${answered - ok}, errors ${result.errors}, ` +
      `timeouts ${result.timeouts})  ${meets ? 'MEETS' : 'MISSES'} p95 < 20 ms`,
  );
  console.log(
    `${''.padEnd(34)} CPU per request: API ${perRequest(cpuBefore.api, processes.api)} ms, ` +
      `store ${processes.store.length ? perRequest(cpuBefore.store, processes.store) : '(MONGODB_URI)'} ms`,
  );
}

/** The store in its own process, as in production: the load generator here must not share its event loop. */
async function startDocstoreProcess(
  dataDir: string,
): Promise<{ uri: string; pid: number | undefined; close(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'embedded/docstore/cli.ts',
      '--port',
      '0',
      '--dbpath',
      path.join(dataDir, 'docstore'),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const address = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /listening on (\S+:\d+)/.exec(text);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`docstore exited with ${code}`)));
  });
  const credentials = await credentialsFile(path.join(dataDir, 'docstore', 'credentials.json'));
  return {
    uri: connectionString(address, 'motcua_bench', credentials),
    pid: child.pid,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-bench-'));
  const docstore = process.env.MONGODB_URI ? undefined : await startDocstoreProcess(dataDir);
  const storeUri = process.env.MONGODB_URI ?? docstore!.uri;
  try {
    console.log(
      `bench:api — ${dossiers} dossiers, ${rate} req/s (Poisson arrivals, open loop) for ${duration} s after ${WARMUP_S} s warm-up, at most ${connections} connections`,
    );
    console.log(
      `  store: ${docstore ? 'embedded docstore (own process)' : 'MONGODB_URI'}; the shared CPU makes figures indicative`,
    );
    await connectStore(storeUri);
    await seedDemoData(dataDir);
    await seedCatalogue();
    await DossierModel.deleteMany({});
    const started = Date.now();
    const codes = await loadDossiers();
    console.log(
      `  loaded in ${((Date.now() - started) / 1000).toFixed(1)} s; ${codes.length} belong to the benchmarked agency`,
    );
    await mongoose.disconnect();

    const api = await startApi(storeUri, dataDir);
    try {
      const login = await fetch(`${api.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'tiepnhan.hoankiem', password: api.password }),
      });
      const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
      const processes = { api: processTree(api.pid), store: processTree(docstore?.pid) };
      let n = 0;
      const statuses = ['', '&status=4', '&status=2,4,5', ''];
      await measure(
        'GET /api/dossiers/:code',
        api.url,
        cookie,
        processes,
        () => `/api/dossiers/${codes[(n++ * 7919) % codes.length]}`,
      );
      await measure('GET /api/dossiers (page, filters)', api.url, cookie, processes, () => {
        n++;
        return `/api/dossiers?page=${(n % 5) + 1}&pageSize=20${statuses[n % statuses.length]}`;
      });
    } finally {
      await api.stop();
    }
  } finally {
    await docstore?.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
