// Tests mirror the source tree they test (ARCHITECTURE.md, "Where things go"): a test under tests/<folder>/ tests
// the repo's <folder>/ (tests/server/slips → server/slips, tests/embedded/zeebe → embedded/zeebe). Screens
// through Chromium live in tests/e2e, the permission matrix of every route in tests/server/permissions, and
// shared helpers in support/ or fixtures/ folders.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const testsDir = path.join(root, 'tests');

/** Folders under tests/ that hold tests by concern rather than by source folder, and why. */
const byConcern = ['e2e', 'server/permissions'];
const helperFolders = new Set(['support', 'fixtures']);
const isTest = (file: string) => /\.test\.tsx?$/.test(file);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [path.relative(testsDir, full)];
  });
}

const isSourceFolder = (folder: string) => {
  try {
    return folder !== '' && !folder.startsWith('tests') && statSync(path.join(root, folder)).isDirectory();
  } catch {
    return false;
  }
};

const holdsTests = (folder: string) =>
  isSourceFolder(folder) ||
  byConcern.some((concern) => folder === concern || folder.startsWith(`${concern}/`));

/** Where a test file may live, or why it may not live where it is. */
export function misplaced(file: string): string | undefined {
  const folder = path.dirname(file).split(path.sep).join('/');
  if (isTest(file)) {
    if (file === 'tests-mirror.unit.test.ts') return undefined;
    if (holdsTests(folder)) return undefined;
    return (
      `tests/${file}: tests mirror the source tree, and "${folder}" is no folder of the repo; ` +
      `move it to tests/<the folder it tests>/ (e.g. tests/server/domain/, tests/engine-worker/), ` +
      `or tests/e2e/ when it drives a screen in Chromium`
    );
  }
  const segments = folder.split('/');
  const helperAt = segments.findIndex((segment) => helperFolders.has(segment));
  const owner = helperAt === -1 ? folder : segments.slice(0, helperAt).join('/');
  if (owner === '' && helperAt === 0) return undefined; // tests/support: Jest's own setup and transform
  if (holdsTests(owner)) return undefined;
  return (
    `tests/${file}: a test helper sits beside the tests that use it, under tests/<source folder>/ or in a ` +
    `support/ or fixtures/ folder there; "${owner || 'tests/'}" is no folder of the repo`
  );
}

test('every test file lives under the source folder it tests', () => {
  expect(
    filesUnder(testsDir)
      .map(misplaced)
      .filter((reason) => reason !== undefined),
  ).toEqual([]);
});

test('a test in a folder the repo lacks is named with where it should go', () => {
  expect(misplaced(path.join('workers', 'store-outage.int.test.ts'))).toMatch(
    /^tests\/workers\/store-outage\.int\.test\.ts: tests mirror the source tree, and "workers" is no folder/,
  );
  expect(misplaced(path.join('engine-worker', 'store-outage.int.test.ts'))).toBeUndefined();
  expect(misplaced(path.join('server', 'permissions', 'tasks.int.test.ts'))).toBeUndefined();
  expect(misplaced(path.join('server', 'support', 'api-client.ts'))).toBeUndefined();
  expect(misplaced(path.join('calendar', 'fixtures.ts'))).toMatch(/"calendar" is no folder of the repo/);
});
