// The committed BPMN models, DMN decision tables and element templates are the output of `npm run build:models`: a hand edit to one
// of them, which the next build would silently overwrite, fails here with the file's name and what to do.
// Models and tables are compared to the letter; templates by value (the build formats them with prettier, whose layout
// `npm run lint` checks).
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { generatedModelFiles } from '../../processes/model-kit/generated-models';

const files = generatedModelFiles();

function differs({ path, kind, content }: (typeof files)[number]): boolean {
  const committed = readFileSync(path, 'utf8');
  if (kind !== 'element-template') return committed !== content;
  return JSON.stringify(JSON.parse(committed)) !== JSON.stringify(JSON.parse(content));
}

test('the build writes every procedure model and every element template', () => {
  expect(files.filter((f) => f.kind === 'bpmn').length).toBeGreaterThan(0);
  expect(files.filter((f) => f.kind === 'dmn').length).toBeGreaterThan(0);
  expect(files.filter((f) => f.kind === 'element-template').length).toBeGreaterThan(0);
});

test('every committed generated file equals the build output', () => {
  const edited = files.filter(differs).map(({ path }) => relative(process.cwd(), path));
  // Edit the model descriptions in processes/model-kit/, then run `npm run build:models`.
  expect({ editedByHandOrStale: edited }).toEqual({ editedByHandOrStale: [] });
});
