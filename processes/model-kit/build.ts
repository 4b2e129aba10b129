// Writes every procedure's BPMN from its model description, its decision tables (DMN) and one element template
// per job type (formatted by prettier as the repo keeps it): `npm run build:models`. The committed files are
// this output (a unit test compares them), so edit the model descriptions in this folder, not the .bpmn, .dmn
// or template files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { elementTemplatesDir, generatedModelFiles } from './generated-models';

async function main(): Promise<void> {
  mkdirSync(elementTemplatesDir, { recursive: true });
  for (const { path, kind, content } of generatedModelFiles()) {
    const text =
      kind !== 'element-template'
        ? content
        : await format(content, { ...(await resolveConfig(path)), filepath: path });
    writeFileSync(path, text);
    console.log(`đã ghi ${path}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
