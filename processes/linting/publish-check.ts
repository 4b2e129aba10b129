// The gate before publishing, the same in the browser and on the server: the version's diagram must lint clean
// for the engine's Zeebe version, whatever version the file itself names.
import { Linter, type LintReport } from '@camunda/linting';
import { BpmnModdle } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import modelerSchema from 'modeler-moddle/resources/modeler.json';
import { engineExecutionPlatform, engineExecutionPlatformVersion } from './engine-platform';

/** The rule set the modeler lints with (the web modeler's messages, Zeebe rules). */
export const linterOptions = { modeler: 'web', type: 'cloud' } as const;

const browserLinter = new Linter(linterOptions);
const moddle = new BpmnModdle({ zeebe: zeebeSchema, modeler: modelerSchema });

/** Every lint finding of a diagram, judged against the engine's version (the modeler's lint worker uses it). */
export async function lintForEngine(xml: string, linter: Linter = browserLinter): Promise<LintReport[]> {
  const { rootElement } = await moddle.fromXML(xml);
  const definitions = rootElement as { set(name: string, value: string): void };
  definitions.set('modeler:executionPlatform', engineExecutionPlatform);
  definitions.set('modeler:executionPlatformVersion', engineExecutionPlatformVersion);
  return linter.lint(definitions);
}

/** Lint findings that block publishing (errors); the server passes its own Linter (see designer-lint.ts). */
export async function publishBlockers(xml: string, linter: Linter = browserLinter): Promise<LintReport[]> {
  const reports = await lintForEngine(xml, linter);
  return reports.filter((r) => r.category === 'error' || r.category === 'rule-error');
}
