// Writes every procedure's BPMN from its model description: `npx tsx processes/model-kit/build.ts`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROCEDURE_MODELS } from './procedure-models';
import { buildProcedureModel } from './one-stop-model';
import { writeBpmn } from './write-bpmn';

const processesDir = join(__dirname, '..');

for (const { folder, file, options } of PROCEDURE_MODELS) {
  const target = join(processesDir, folder, file);
  writeFileSync(target, writeBpmn(buildProcedureModel(options)));
  console.log(`đã ghi ${target}`);
}
