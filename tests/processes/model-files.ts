// The BPMN and DMN files of every procedure folder and the element templates, read once for the process tests.
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

function filesEndingWith(extension: string): ModelFile[] {
  return procedureFolders().flatMap((folder) =>
    readdirSync(join(processesDir, folder))
      .filter((file) => file.endsWith(extension))
      .sort()
      .map((file) => ({ folder, file, xml: readFileSync(join(processesDir, folder, file), 'utf8') })),
  );
}

export function modelFiles(): ModelFile[] {
  return filesEndingWith('.bpmn');
}

/** The DMN decision tables of every procedure folder. */
export function decisionFiles(): ModelFile[] {
  return filesEndingWith('.dmn');
}

/** processes/element-templates/*.json, parsed, by file name. */
export function elementTemplateFiles<T = Record<string, unknown>>(): { file: string; json: T }[] {
  const dir = join(processesDir, 'element-templates');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ file, json: JSON.parse(readFileSync(join(dir, file), 'utf8')) as T }));
}
