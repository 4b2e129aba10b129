// Writes every procedure's BPMN from its model description and one element template per job type:
// `npx tsx processes/model-kit/build.ts` (then prettier on the templates).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { elementTemplate } from './element-template';
import { JOB_TYPES } from './job-types';
import { buildProcedureModel } from './one-stop-model';
import { PROCEDURE_MODELS } from './procedure-models';
import { writeBpmn } from './write-bpmn';

const processesDir = join(__dirname, '..');

for (const { folder, file, options } of PROCEDURE_MODELS) {
  const target = join(processesDir, folder, file);
  writeFileSync(target, writeBpmn(buildProcedureModel(options)));
  console.log(`đã ghi ${target}`);
}

const templatesDir = join(processesDir, 'element-templates');
mkdirSync(templatesDir, { recursive: true });
for (const spec of Object.values(JOB_TYPES)) {
  const target = join(templatesDir, `${spec.type}.json`);
  writeFileSync(target, `${JSON.stringify(elementTemplate(spec), null, 2)}\n`);
  console.log(`đã ghi ${target}`);
}
