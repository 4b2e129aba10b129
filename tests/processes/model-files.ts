// The BPMN files of every procedure folder, read once for the process tests.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const processesDir = join(__dirname, '..', '..', 'processes');

export interface ModelFile {
  folder: string;
  file: string;
  xml: string;
}

export function procedureFolders(): string[] {
  return readdirSync(processesDir)
    .filter((name) => statSync(join(processesDir, name)).isDirectory())
    .filter((name) => readdirSync(join(processesDir, name)).includes('procedure.json'))
    .sort();
}

export function modelFiles(): ModelFile[] {
  return procedureFolders().flatMap((folder) =>
    readdirSync(join(processesDir, folder))
      .filter((file) => file.endsWith('.bpmn'))
      .sort()
      .map((file) => ({ folder, file, xml: readFileSync(join(processesDir, folder, file), 'utf8') })),
  );
}
