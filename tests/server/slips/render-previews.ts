// Writes every slip of the fixtures to test-artifacts/slips/ as PDF, and as PNG when poppler's pdftoppm is on
// the machine, for a person to look at: `npx tsx tests/server/slips/render-previews.ts`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderSlip, slipFormNumbers, type SlipDataByKind, type SlipKind } from '../../../server/slips';
import * as fixtures from './fixtures';

const samples: SlipDataByKind = {
  receipt: fixtures.receipt,
  'supplement-request': fixtures.supplementRequest,
  refusal: fixtures.refusal,
  apology: fixtures.apology,
  'stop-notice': fixtures.stopNotice,
  'control-slip': fixtures.controlSlip,
  'log-book': fixtures.logBook,
};

async function main() {
  const folder = path.resolve(__dirname, '../../../test-artifacts/slips');
  mkdirSync(folder, { recursive: true });
  for (const kind of Object.keys(samples) as SlipKind[]) {
    const file = path.join(folder, `mau-${slipFormNumbers[kind]}-${kind}`);
    writeFileSync(`${file}.pdf`, await renderSlip(kind, samples[kind]));
    try {
      execFileSync('pdftoppm', ['-png', '-r', '70', `${file}.pdf`, file]);
    } catch {
      console.log('pdftoppm not found: PDFs only');
    }
    console.log(`${file}.pdf`);
  }
}

void main();
