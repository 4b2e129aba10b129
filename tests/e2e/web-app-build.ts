// The web app the browser tests load, built once per Jest run into a directory of that run's own: the e2e
// project's globalSetup builds it and leaves the directory in MOTCUA_WEB_APP_BUILT, which the test workers
// (spawned after it) inherit, so each suite's buildWebApp() returns at once; globalTeardown removes it. A build
// of its own means another run on the same checkout (or `npm start` rebuilding designer/dist) cannot empty the
// files under a running test. A suite run outside Jest's e2e project builds for itself.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');
export const builtMarker = 'MOTCUA_WEB_APP_BUILT';

/** Vite is ESM-only and Jest runs CommonJS here, so the build runs as its own process. */
export async function buildWebApp(): Promise<string> {
  const built = process.env[builtMarker];
  if (built) return built;
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-web-'));
  const vite = path.join(repoRoot, 'node_modules/vite/bin/vite.js');
  await new Promise<void>((resolve, reject) =>
    execFile(
      process.execPath,
      [vite, 'build', 'designer', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
      { cwd: repoRoot },
      (error, _out, err) => (error ? reject(new Error(`web app build failed: ${err}`)) : resolve()),
    ),
  );
  process.env[builtMarker] = outDir;
  return outDir;
}
