// Decision tables → DMN 1.3 XML for Zeebe 8.3 (modeler: execution platform) with a DRD shape per decision, so
// every table opens in dmn-js (decision table and DRD views) as the BPMN opens in bpmn-js.
import { EXECUTION_PLATFORM, EXECUTION_PLATFORM_VERSION, esc } from './write-bpmn';

export type FeelType = 'string' | 'number' | 'boolean' | 'date';

export interface DecisionColumnIn {
  label: string;
  /** FEEL input expression over the process variables */
  expression: string;
  typeRef: FeelType;
}

export interface DecisionColumnOut {
  /** the key of this output in the result context */
  name: string;
  label: string;
  typeRef: FeelType;
}

export interface DecisionRuleSpec {
  /** one FEEL unary test per input ('-' matches anything) */
  when: string[];
  /** one FEEL expression per output */
  then: string[];
  /** why the rule holds: its legal basis */
  description: string;
}

export interface DecisionTableSpec {
  id: string;
  name: string;
  /** the legal frame of the table, shown in the modeler */
  documentation: string;
  hitPolicy: 'UNIQUE' | 'FIRST';
  inputs: DecisionColumnIn[];
  outputs: DecisionColumnOut[];
  rules: DecisionRuleSpec[];
}

/** One .dmn file: a decision requirements graph of one or more tables. */
export interface DecisionRequirementsSpec {
  /** the definitions' id: Zeebe's decision requirements id */
  id: string;
  name: string;
  decisions: DecisionTableSpec[];
}

const text = (value: string) => `<text>${esc(value)}</text>`;

function tableXml(d: DecisionTableSpec): string {
  for (const [i, rule] of d.rules.entries()) {
    if (rule.when.length !== d.inputs.length || rule.then.length !== d.outputs.length)
      throw new Error(`${d.id}: rule ${i + 1} has ${rule.when.length}/${rule.then.length} cells`);
  }
  const inputs = d.inputs.map(
    (input, i) =>
      `<input id="${d.id}_Input_${i + 1}" label="${esc(input.label)}">` +
      `<inputExpression id="${d.id}_InputExpression_${i + 1}" typeRef="${input.typeRef}">${text(input.expression)}</inputExpression></input>`,
  );
  const outputs = d.outputs.map(
    (output, i) =>
      `<output id="${d.id}_Output_${i + 1}" name="${esc(output.name)}" label="${esc(output.label)}" typeRef="${output.typeRef}" />`,
  );
  const rules = d.rules.map((rule, r) => {
    const id = `${d.id}_Rule_${r + 1}`;
    const cells = [
      ...rule.when.map((t, i) => `<inputEntry id="${id}_In_${i + 1}">${text(t)}</inputEntry>`),
      ...rule.then.map((t, i) => `<outputEntry id="${id}_Out_${i + 1}">${text(t)}</outputEntry>`),
    ];
    return `<rule id="${id}"><description>${esc(rule.description)}</description>\n${cells.join('\n')}\n</rule>`;
  });
  return [
    `<decision id="${d.id}" name="${esc(d.name)}">`,
    `<description>${esc(d.documentation)}</description>`,
    `<decisionTable id="${d.id}_Table" hitPolicy="${d.hitPolicy}">`,
    ...inputs,
    ...outputs,
    ...rules,
    '</decisionTable>',
    '</decision>',
  ].join('\n');
}

function diagramXml(model: DecisionRequirementsSpec): string {
  const shapes = model.decisions.map(
    (d, i) =>
      `<dmndi:DMNShape id="${d.id}_Shape" dmnElementRef="${d.id}"><dc:Bounds x="${160 + i * 240}" y="100" width="180" height="80" /></dmndi:DMNShape>`,
  );
  return [
    '<dmndi:DMNDI>',
    '<dmndi:DMNDiagram id="DMNDiagram_1">',
    ...shapes,
    '</dmndi:DMNDiagram>',
    '</dmndi:DMNDI>',
  ].join('\n');
}

export function writeDmn(model: DecisionRequirementsSpec): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"' +
      ' xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/"' +
      ' xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/"' +
      ' xmlns:modeler="http://camunda.org/schema/modeler/1.0"' +
      ` id="${model.id}" name="${esc(model.name)}" namespace="https://mot-cua.vn/dmn"` +
      ' exporter="Mot cua model kit" exporterVersion="1.0.0"' +
      ` modeler:executionPlatform="${EXECUTION_PLATFORM}" modeler:executionPlatformVersion="${EXECUTION_PLATFORM_VERSION}">`,
    ...model.decisions.map(tableXml),
    diagramXml(model),
    '</definitions>',
  ]
    .join('\n')
    .concat('\n');
}
