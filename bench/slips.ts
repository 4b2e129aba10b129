// `npm run bench:slips`: time to render a receipt slip (Mẫu 01) and a log-book export (Mẫu 07) of LINES lines.
// Settings: RUNS (receipts, default 50), LINES (default 1000).
import { performance } from 'node:perf_hooks';
import { renderSlip } from '../server/slips';
import { logBook, logBookEntries, receipt } from '../tests/server/slips/fixtures';

const runs = Number(process.env.RUNS ?? 50);
const lines = Number(process.env.LINES ?? 1000);

async function main() {
  await renderSlip('receipt', receipt); // font loading and JIT warm-up
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    bytes = (await renderSlip('receipt', { ...receipt, number: String(i + 1) })).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]?.toFixed(1);
  console.log(`receipt (Mẫu 01): ${runs} renders, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, ${bytes} bytes`);

  const start = performance.now();
  const pdf = await renderSlip('log-book', { ...logBook, entries: logBookEntries(lines) });
  console.log(
    `log book (Mẫu 07): ${lines} lines in ${(performance.now() - start).toFixed(0)} ms, ${pdf.length} bytes`,
  );
}

void main();
