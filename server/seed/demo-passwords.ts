// Demo passwords live in DATA_DIR/demo-logins.json (mode 600): generated once, never committed. Reusing the file
// keeps them true even if the store is emptied and seeded again. `generated` says this call wrote new ones, the
// only time the start command prints them.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface DemoPasswords {
  file: string;
  passwords: Record<string, string>;
  generated: boolean;
}

export async function demoPasswords(dataDir: string, usernames: string[]): Promise<DemoPasswords> {
  const file = path.join(dataDir, 'demo-logins.json');
  let stored: Record<string, string> = {};
  try {
    stored = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const missing = usernames.filter((u) => typeof stored[u] !== 'string');
  if (missing.length) {
    for (const username of missing) stored[username] = randomBytes(12).toString('base64url');
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await writeFile(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  }
  return { file, passwords: stored, generated: missing.length > 0 };
}
