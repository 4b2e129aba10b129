// The web app the browser tests load, built once per Jest run: the e2e project's globalSetup builds it and
// leaves its directory in MOTCUA_WEB_APP_BUILT, which the test workers (spawned after it) inherit, so each
// suite's buildWebApp() returns at once. A suite run outside Jest's e2e project still builds it itself.
import { execFile } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');
export const webAppDir = path.join(repoRoot, 'designer/dist');
export const builtMarker = 'MOTCUA_WEB_APP_BUILT';

/** Vite is ESM-only and Jest runs CommonJS here, so the build runs as its own process. */
export async function buildWebApp(): Promise<string> {
  if (process.env[builtMarker] === webAppDir) return webAppDir;
  const vite = path.join(repoRoot, 'node_modules/vite/bin/vite.js');
  await new Promise<void>((resolve, reject) =>
    execFile(
      process.execPath,
      [vite, 'build', 'designer', '--logLevel', 'error'],
      { cwd: repoRoot },
      (error, _out, err) => (error ? reject(new Error(`web app build failed: ${err}`)) : resolve()),
    ),
  );
  process.env[builtMarker] = webAppDir;
  return webAppDir;
}
