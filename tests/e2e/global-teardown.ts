// Jest globalTeardown of the e2e project: the run's web app build goes (see web-app-build.ts).
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { builtMarker } from './web-app-build';

export default async function removeBuild(): Promise<void> {
  const dir = process.env[builtMarker];
  // Only a directory this run made under the temp dir, never a path handed in from outside.
  if (dir && path.dirname(dir) === os.tmpdir() && path.basename(dir).startsWith('motcua-e2e-web-')) {
    await rm(dir, { recursive: true, force: true });
  }
  delete process.env[builtMarker];
}
