// DATA_DIR holds the store's and engine's data, the store's password, the session secret and the demo logins:
// it is made 0700 and everything in it owner-only (files 0600, folders 0700), also what older versions left 0644.
import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';

async function tighten(entry: string): Promise<void> {
  const stats = await lstat(entry);
  if (stats.isSymbolicLink()) return;
  if (stats.isDirectory()) {
    if ((stats.mode & 0o777) !== 0o700) await chmod(entry, 0o700);
    for (const name of await readdir(entry)) await tighten(path.join(entry, name));
  } else if ((stats.mode & 0o077) !== 0) {
    await chmod(entry, stats.mode & 0o700);
  }
}

export async function protectDataDir(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await tighten(dataDir);
}
