// Loads the procedure catalogue: every folder of processes/ that holds a procedure.json or a BPMN model (with
// the folder's DMN decision tables).
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CatalogueError, validateProcedureEntry, type ProcedureEntry } from './catalogue-entry';

export * from './catalogue-entry';

export interface ProcessModelFile {
  file: string;
  /** Ids of the executable processes the file defines. */
  processIds: string[];
  xml: string;
}

/** A .dmn file of the folder: decision tables the procedure's business rule tasks call. */
export interface DecisionFile {
  file: string;
  xml: string;
}

export interface CatalogueEntry extends ProcedureEntry {
  folder: string;
  models: ProcessModelFile[];
  decisions: DecisionFile[];
}

export const PROCESSES_DIR = __dirname;

const PROCESS_ID = /<bpmn:process\b[^>]*\bid="([^"]+)"/g;

function processIdsOf(xml: string): string[] {
  return [...xml.matchAll(PROCESS_ID)].map((m) => m[1] ?? '');
}

async function loadFolder(dir: string, folder: string, files: string[]): Promise<CatalogueEntry> {
  if (!files.includes('procedure.json')) throw new CatalogueError(folder, 'procedure.json', 'thiếu tệp');
  const text = await readFile(join(dir, folder, 'procedure.json'), 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CatalogueError(
      folder,
      'procedure.json',
      `không phải JSON hợp lệ (${(error as Error).message})`,
    );
  }
  const entry = validateProcedureEntry(folder, raw);
  const models = await Promise.all(
    files
      .filter((f) => f.endsWith('.bpmn'))
      .sort()
      .map(async (file) => {
        const xml = await readFile(join(dir, folder, file), 'utf8');
        return { file, processIds: processIdsOf(xml), xml };
      }),
  );
  const decisions = await Promise.all(
    files
      .filter((f) => f.endsWith('.dmn'))
      .sort()
      .map(async (file) => ({ file, xml: await readFile(join(dir, folder, file), 'utf8') })),
  );
  const defined = new Set(models.flatMap((m) => m.processIds));
  entry.agencies.forEach((agency, i) => {
    if (!defined.has(agency.bpmnProcessId)) {
      throw new CatalogueError(
        folder,
        `agencies[${i}].bpmnProcessId`,
        `không có quy trình '${agency.bpmnProcessId}' trong các tệp .bpmn của thư mục`,
      );
    }
  });
  return { ...entry, folder, models, decisions };
}

/** Reads and validates every procedure folder; throws a CatalogueError naming the folder and field. */
export async function loadCatalogue(dir: string = PROCESSES_DIR): Promise<CatalogueEntry[]> {
  const names = (await readdir(dir)).sort();
  const folders: { folder: string; files: string[] }[] = [];
  for (const name of names) {
    if (!(await stat(join(dir, name))).isDirectory()) continue;
    const files = await readdir(join(dir, name));
    if (files.includes('procedure.json') || files.some((f) => f.endsWith('.bpmn')))
      folders.push({ folder: name, files });
  }
  const entries = await Promise.all(folders.map(({ folder, files }) => loadFolder(dir, folder, files)));
  const byProcess = new Map<string, string>();
  for (const entry of entries) {
    for (const id of entry.models.flatMap((m) => m.processIds)) {
      const other = byProcess.get(id);
      if (other)
        throw new CatalogueError(
          entry.folder,
          'bpmnProcessId',
          `quy trình '${id}' trùng với thư mục '${other}'`,
        );
      byProcess.set(id, entry.folder);
    }
  }
  return entries;
}
