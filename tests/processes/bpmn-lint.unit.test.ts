// Every model passes Camunda's own lint rules for Zeebe 8.3 (the rules the Desktop Modeler applies).
import { Linter } from '@camunda/linting';
import { modelFiles } from './model-files';

const linter = new Linter({ modeler: 'desktop', type: 'cloud' });
const models = modelFiles();

test('there are models to lint', () => {
  expect(models.length).toBeGreaterThanOrEqual(8);
});

test('the linter reports a service task without a job type (so a clean result means something)', async () => {
  const first = models[0];
  if (!first) throw new Error('no model');
  const broken = first.xml.replace(/<zeebe:taskDefinition type="dossier\.intake"[^>]*\/>/, '');
  expect(broken).not.toEqual(first.xml);
  const reports = await linter.lint(broken);
  expect(reports.map((r) => r.id)).toContain('Intake');
});

describe.each(models.map((m) => [`${m.folder}/${m.file}`, m] as const))('%s', (_name, model) => {
  test('declares Camunda Cloud 8.3 as its execution platform', () => {
    // Without these attributes the linter silently returns no reports.
    expect(model.xml).toContain('modeler:executionPlatform="Camunda Cloud"');
    expect(model.xml).toContain('modeler:executionPlatformVersion="8.3.0"');
  });

  test('lints clean', async () => {
    const reports = await linter.lint(model.xml);
    const problems = reports.map((r) => `${r.category} ${r.rule} ${r.id}: ${r.message}`);
    expect(problems).toEqual([]);
  });
});
