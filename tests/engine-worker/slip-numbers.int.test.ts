// The printed number of issued slips (Mẫu 01–05): the issuing agency's running number of each form in the year
// (Vietnam time), taken atomically from the store, so two dossiers never print the same number.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { startDocstore } from '../../embedded/docstore';
import { nextFormNumber } from '../../engine-worker/slips';
import { connectStore } from '../../server/models/connect-store';

let docstore: Awaited<ReturnType<typeof startDocstore>>;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-slip-numbers-'));
  docstore = await startDocstore({ port: 0, dbpath: dataDir });
  await connectStore(docstore.uri('motcua'));
});
afterAll(async () => {
  await mongoose.disconnect();
  await docstore.close();
  await rm(dataDir, { recursive: true, force: true });
});

test('each agency, form and year counts on its own, and concurrent issues get distinct numbers', async () => {
  const at = new Date('2026-11-27T03:00:00Z');
  const apologies = await Promise.all(
    Array.from({ length: 5 }, () => nextFormNumber('001.00.31.H26', '04', at)),
  );
  expect([...apologies].sort()).toEqual(['1/PXL', '2/PXL', '3/PXL', '4/PXL', '5/PXL']);
  expect(await nextFormNumber('001.00.31.H26', '02', at)).toBe('1/PBSHS');
  expect(await nextFormNumber('001.00.32.H26', '04', at)).toBe('1/PXL');
  expect(await nextFormNumber('001.00.31.H26', '05', at)).toBe('1/TB-DXL');
  expect(await nextFormNumber('001.00.31.H26', '03', at)).toBe('1/TCHS');
  // 31 Dec 2026 18:00 UTC is already 1 Jan 2027 in Vietnam: a new year's count.
  expect(await nextFormNumber('001.00.31.H26', '04', new Date('2026-12-31T18:00:00Z'))).toBe('1/PXL');
  expect(await nextFormNumber('001.00.31.H26', '04', at)).toBe('6/PXL');
});
