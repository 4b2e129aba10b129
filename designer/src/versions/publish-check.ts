// The browser's gate before publishing: the version's diagram must lint clean for the engine's Zeebe version.
import { Linter, type LintReport } from '@camunda/linting';
import { BpmnModdle } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import modelerSchema from 'modeler-moddle/resources/modeler.json';
import { engineExecutionPlatform, engineExecutionPlatformVersion } from '../modeler/blank-diagram';

const linter = new Linter({ modeler: 'web', type: 'cloud' });
const moddle = new BpmnModdle({ zeebe: zeebeSchema, modeler: modelerSchema });

/** Lint findings that block publishing (errors), judged against the engine's version whatever the file says. */
export async function publishBlockers(xml: string): Promise<LintReport[]> {
  const { rootElement } = await moddle.fromXML(xml);
  const definitions = rootElement as { set(name: string, value: string): void };
  definitions.set('modeler:executionPlatform', engineExecutionPlatform);
  definitions.set('modeler:executionPlatformVersion', engineExecutionPlatformVersion);
  const reports = await linter.lint(definitions);
  return reports.filter((r) => r.category === 'error' || r.category === 'rule-error');
}
