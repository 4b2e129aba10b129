// The store's one user: given by whoever starts it, or generated into a file (mode 0600) on first start and
// read from it afterwards. The connection string carries them with authSource=admin, where a real mongod
// keeps its users too, so the same string works against MongoDB with authentication on.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface DocstoreCredentials {
  username: string;
  password: string;
}

export function generateCredentials(): DocstoreCredentials {
  return { username: 'motcua', password: randomBytes(24).toString('base64url') };
}

/** Reads `{ username, password }` from file, or writes freshly generated ones there (0600) when it is absent. */
export async function credentialsFile(file: string): Promise<DocstoreCredentials> {
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as Partial<DocstoreCredentials>;
    if (
      typeof stored.username !== 'string' ||
      !stored.username ||
      typeof stored.password !== 'string' ||
      !stored.password
    )
      throw new Error(`${file} must hold { "username": "...", "password": "..." }`);
    return { username: stored.username, password: stored.password };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const credentials = generateCredentials();
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return credentials;
}

/** `mongodb://user:password@host:port/db?authSource=admin`. */
export function connectionString(address: string, db: string, credentials: DocstoreCredentials): string {
  const user = encodeURIComponent(credentials.username);
  const password = encodeURIComponent(credentials.password);
  return `mongodb://${user}:${password}@${address}/${db}?authSource=admin`;
}
