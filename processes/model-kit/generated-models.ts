// The files `npm run build:models` writes, as path and content: every procedure's BPMN from its model
// description, its decision tables as DMN, and one element template per job type (as JSON.stringify writes it; the build then formats it
// with prettier, so the committed template is compared by value). The build writes them;
// tests/processes/generated-models.unit.test.ts compares them with the committed files, so a hand edit that
// the next build would overwrite fails `npm test`.
import { join } from 'node:path';
import { elementTemplate } from './element-template';
import { JOB_TYPES } from './job-types';
import { buildProcedureModel } from './one-stop-model';
import { PROCEDURE_DECISIONS } from './procedure-decisions';
import { PROCEDURE_MODELS } from './procedure-models';
import { writeBpmn } from './write-bpmn';
import { writeDmn } from './write-dmn';

export interface GeneratedFile {
  /** Absolute path of the committed file. */
  path: string;
  kind: 'bpmn' | 'dmn' | 'element-template';
  content: string;
}

const processesDir = join(__dirname, '..');
export const elementTemplatesDir = join(processesDir, 'element-templates');

export function generatedModelFiles(): GeneratedFile[] {
  const models = PROCEDURE_MODELS.map(({ folder, file, options }) => ({
    path: join(processesDir, folder, file),
    kind: 'bpmn' as const,
    content: writeBpmn(buildProcedureModel(options)),
  }));
  const decisions = PROCEDURE_DECISIONS.map(({ folder, file, spec }) => ({
    path: join(processesDir, folder, file),
    kind: 'dmn' as const,
    content: writeDmn(spec),
  }));
  const templates = Object.values(JOB_TYPES).map((spec) => ({
    path: join(elementTemplatesDir, `${spec.type}.json`),
    kind: 'element-template' as const,
    content: `${JSON.stringify(elementTemplate(spec), null, 2)}\n`,
  }));
  return [...models, ...decisions, ...templates];
}
