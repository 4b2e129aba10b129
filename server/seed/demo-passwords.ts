// Demo passwords live in DATA_DIR/demo-logins.json (mode 600): generated once, printed at each start, never
// committed. Reusing the file keeps the printed logins true even if the store is emptied and seeded again.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function demoPasswords(dataDir: string, usernames: string[]): Promise<Record<string, string>> {
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
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  }
  return stored;
}
