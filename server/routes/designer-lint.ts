// Publishing lints the diagram on the server too, with the browser's rules (processes/linting/publish-check):
// a client that skips its own check cannot deploy a diagram that uses Zeebe features the engine lacks.
//
// @camunda/linting loads its Zeebe rule sets with `await import('bpmnlint-plugin-camunda-compat')`. That
// package is CommonJS with `module.exports = { configs: { ...configs } }`, which Node's ESM import cannot see
// as a named export, so under Node `configs` comes back undefined and lint() throws. The bundlers the browser
// and Jest use hand over module.exports instead. ServerLinter builds the same resolver from the package's
// default export; everything else (rule configs, messages) is the library's own.
import { Linter, type LintReport } from '@camunda/linting';
import NestedResolver from '@camunda/linting/lib/Resolver';
import { resolver as bundledRules } from '@camunda/linting/lib/compiled-config';
import correctness from 'bpmnlint/config/correctness';
import StaticResolver from 'bpmnlint/lib/resolver/static-resolver';
import camundaCompat from 'bpmnlint-plugin-camunda-compat';
import { linterOptions, publishBlockers } from '../../processes/linting/publish-check';
import { elementLabel, elementNames } from '../domain/diagram-element-names';
import type { FieldError } from '../errors/api-error';

/** The engine's Zeebe version has no rule set in bpmnlint-plugin-camunda-compat: nothing would be checked. */
class NoRuleSet extends Error {}

class ServerLinter extends Linter {
  /** Mirrors Linter._createResolver of @camunda/linting 3.57, with the plugin loaded as CommonJS. */
  async _createResolver(configName: string): Promise<object> {
    const config = camundaCompat.configs[configName];
    if (!config) throw new NoRuleSet(`bpmnlint-plugin-camunda-compat has no config ${configName}`);
    const rules: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(config.rules)) {
      const [type, options] = Array.isArray(value) ? value : [value, {}];
      rules[name] = [type, { ...(options as object), modeler: linterOptions.modeler }];
    }
    const plugins = (this as unknown as { _plugins: { resolver?: object }[] })._plugins;
    return new NestedResolver([
      new StaticResolver({
        [`config:bpmnlint-plugin-camunda-compat/${configName}`]: { ...config, rules },
        'config:bpmnlint/correctness': correctness,
      }),
      bundledRules,
      ...plugins.map(({ resolver }) => resolver ?? new StaticResolver({})),
    ]);
  }
}

const linter = new ServerLinter(linterOptions);

/**
 * Lint errors of a diagram as field errors naming the element by name and id; an unreadable diagram is left
 * to bpmnProblems.
 */
export async function lintProblems(xml: string): Promise<FieldError[]> {
  let blockers: LintReport[];
  try {
    blockers = await publishBlockers(xml, linter);
  } catch (error) {
    if (error instanceof NoRuleSet) throw error;
    return [];
  }
  const names = blockers.length ? await elementNames(xml) : new Map<string, string>();
  return blockers.map((report) => {
    const named = elementLabel(report.id, names.get(report.id));
    return {
      path: `bpmnXml#${report.id}`,
      text: {
        vi: `Phần tử ${named} không đạt kiểm tra Zeebe 8.3 (quy tắc ${report.rule}): ${report.message}`,
        en: `Element ${named} fails the Zeebe 8.3 check (rule ${report.rule}): ${report.message}`,
      },
    };
  });
}
