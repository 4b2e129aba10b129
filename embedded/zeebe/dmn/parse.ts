// DMN XML (1.3, and the 1.1/1.2 namespaces older Camunda Modelers write) → DecisionRequirementsModel, with the
// deploy-time checks: every decision has logic, required decisions exist and form no cycle, every cell's FEEL parses.
import { DmnModdle } from 'dmn-moddle';
import { parseError, unaryTestsParseError } from '../feel';
import type {
  Aggregation,
  DecisionModel,
  DecisionRequirementsModel,
  DecisionTableLogic,
  HitPolicy,
  LiteralExpressionLogic,
} from './model';

export class DmnParseError extends Error {}

const DMN13 = 'https://www.omg.org/spec/DMN/20191111/MODEL/';
/** DMN 1.1 and 1.2 model namespaces: same elements for what a decision needs, so read as 1.3. */
const OLDER_NAMESPACES = [
  'http://www.omg.org/spec/DMN/20151101/dmn.xsd',
  'http://www.omg.org/spec/DMN/20180521/MODEL/',
];

const HIT_POLICIES = new Set<HitPolicy>([
  'UNIQUE',
  'FIRST',
  'PRIORITY',
  'ANY',
  'COLLECT',
  'RULE ORDER',
  'OUTPUT ORDER',
]);
const AGGREGATIONS = new Set<Aggregation>(['SUM', 'MIN', 'MAX', 'COUNT']);

interface Node {
  $type: string;
  id?: string;
  name?: string;
  [key: string]: unknown;
}

const moddle = new DmnModdle();

function text(node: unknown): string {
  const value = (node as { text?: unknown } | undefined)?.text;
  return typeof value === 'string' ? value.trim() : '';
}

function list(node: Node, key: string): Node[] {
  const value = node[key];
  return Array.isArray(value) ? (value as Node[]) : [];
}

function toDmn13(xml: string): string {
  let out = xml;
  for (const ns of OLDER_NAMESPACES) out = out.split(`"${ns}"`).join(`"${DMN13}"`);
  return out;
}

function decisionTable(decision: Node, table: Node, problems: string[]): DecisionTableLogic {
  const where = `decision '${decision.id}'`;
  const hitPolicy = (typeof table.hitPolicy === 'string' ? table.hitPolicy : 'UNIQUE') as HitPolicy;
  if (!HIT_POLICIES.has(hitPolicy)) problems.push(`${where}: unsupported hit policy '${hitPolicy}'`);
  const aggregation = typeof table.aggregation === 'string' ? (table.aggregation as Aggregation) : undefined;
  if (aggregation !== undefined && !AGGREGATIONS.has(aggregation))
    problems.push(`${where}: unsupported aggregation '${aggregation}'`);
  if (aggregation !== undefined && hitPolicy !== 'COLLECT')
    problems.push(`${where}: the aggregation '${aggregation}' is only allowed with the hit policy 'COLLECT'`);
  const inputs = list(table, 'input').map((input, i) => {
    const expression = text(input.inputExpression);
    if (expression === '') problems.push(`${where}: input '${input.id ?? i + 1}' has no input expression`);
    else checkExpression(where, expression, problems);
    const label = typeof input.label === 'string' ? input.label : '';
    return { id: input.id ?? `input${i + 1}`, name: label || expression, expression };
  });
  const outputs = list(table, 'output').map((output, i) => {
    const label = typeof output.label === 'string' ? output.label : '';
    const values = text(output.outputValues);
    return {
      id: output.id ?? `output${i + 1}`,
      name: output.name ?? label,
      ...(typeof output.typeRef === 'string' ? { typeRef: output.typeRef } : {}),
      ...(values !== '' ? { outputValues: values } : {}),
    };
  });
  if (outputs.length === 0) problems.push(`${where}: a decision table needs at least one output`);
  if (outputs.length > 1 && outputs.some((o) => o.name === ''))
    problems.push(`${where}: every output of a table with several outputs needs a name`);
  if (aggregation !== undefined && outputs.length > 1)
    problems.push(
      `${where}: the aggregation '${aggregation}' is not defined for a table with several outputs`,
    );
  const rules = list(table, 'rule').map((rule, i) => {
    const inputEntries = list(rule, 'inputEntry').map(text);
    const outputEntries = list(rule, 'outputEntry').map(text);
    const ruleId = rule.id ?? `rule${i + 1}`;
    if (inputEntries.length !== inputs.length)
      problems.push(
        `${where}: rule '${ruleId}' has ${inputEntries.length} input entries for ${inputs.length} inputs`,
      );
    if (outputEntries.length !== outputs.length)
      problems.push(
        `${where}: rule '${ruleId}' has ${outputEntries.length} output entries for ${outputs.length} outputs`,
      );
    for (const entry of inputEntries) {
      if (entry === '' || entry === '-') continue;
      const problem = unaryTestsParseError(entry);
      if (problem) problems.push(`${where}: rule '${ruleId}': ${problem}`);
    }
    for (const entry of outputEntries)
      if (entry !== '') checkExpression(`${where}: rule '${ruleId}'`, entry, problems);
    return { id: ruleId, inputEntries, outputEntries };
  });
  return {
    kind: 'decisionTable',
    hitPolicy,
    ...(aggregation ? { aggregation } : {}),
    inputs,
    outputs,
    rules,
  };
}

function checkExpression(where: string, expression: string, problems: string[]): void {
  const problem = parseError(expression);
  if (problem) problems.push(`${where}: ${problem}`);
}

function decisionOf(node: Node, problems: string[]): DecisionModel | undefined {
  const id = node.id ?? '';
  const logicNode = node.decisionLogic as Node | undefined;
  let logic: DecisionTableLogic | LiteralExpressionLogic | undefined;
  if (logicNode?.$type === 'dmn:DecisionTable') logic = decisionTable(node, logicNode, problems);
  else if (logicNode?.$type === 'dmn:LiteralExpression') {
    const expression = text(logicNode);
    if (expression === '') problems.push(`decision '${id}': the literal expression is empty`);
    else checkExpression(`decision '${id}'`, expression, problems);
    logic = { kind: 'literalExpression', expression };
  } else {
    problems.push(
      `decision '${id}': expected a decision table or a literal expression, but found ${logicNode ? `'${logicNode.$type.replace(/^dmn:/, '')}'` : 'none'}`,
    );
  }
  if (!logic) return undefined;
  const requiredDecisions = list(node, 'informationRequirement')
    .map((r) => (r.requiredDecision as { href?: string } | undefined)?.href)
    .filter((href): href is string => typeof href === 'string')
    .map((href) => href.replace(/^#/, ''));
  const variable = (node.variable as { name?: string } | undefined)?.name;
  return { id, name: node.name ?? id, resultName: variable || id, requiredDecisions, logic };
}

function checkGraph(decisions: DecisionModel[], problems: string[]): void {
  const byId = new Map(decisions.map((d) => [d.id, d]));
  for (const d of decisions) {
    for (const required of d.requiredDecisions) {
      if (!byId.has(required))
        problems.push(`decision '${d.id}': the required decision '${required}' is not in this DRG`);
    }
  }
  const done = new Set<string>();
  const visit = (d: DecisionModel, path: string[]): void => {
    if (done.has(d.id)) return;
    if (path.includes(d.id)) {
      problems.push(
        `the required decisions form a cycle: ${[...path.slice(path.indexOf(d.id)), d.id].join(' -> ')}`,
      );
      done.add(d.id);
      return;
    }
    for (const r of d.requiredDecisions) {
      const next = byId.get(r);
      if (next) visit(next, [...path, d.id]);
    }
    done.add(d.id);
  };
  for (const d of decisions) visit(d, []);
}

/** Parses a DMN resource; throws DmnParseError with every problem found, one a line. */
export async function parseDmn(xml: string): Promise<DecisionRequirementsModel> {
  let root: Node;
  try {
    const { rootElement, warnings } = await moddle.fromXML(toDmn13(xml));
    if (warnings.length > 0) throw new Error(warnings.map((w) => w.message).join('; '));
    root = rootElement as Node;
  } catch (error) {
    throw new DmnParseError(`Failed to parse the DMN: ${(error as Error).message.split('\n')[0]}`);
  }
  const problems: string[] = [];
  const decisions = list(root, 'drgElement')
    .filter((n) => n.$type === 'dmn:Decision')
    .map((n) => decisionOf(n, problems))
    .filter((d): d is DecisionModel => d !== undefined);
  if (decisions.length === 0 && problems.length === 0)
    problems.push('Expected the DRG to contain at least one decision, but none found');
  const seen = new Set<string>();
  for (const d of decisions) {
    if (d.id === '') problems.push('every decision needs an id');
    else if (seen.has(d.id)) problems.push(`the decision id '${d.id}' is used twice`);
    seen.add(d.id);
  }
  checkGraph(decisions, problems);
  if (problems.length > 0) throw new DmnParseError(problems.join('\n'));
  return {
    id: root.id ?? '',
    name: root.name ?? root.id ?? '',
    namespace: typeof root.namespace === 'string' ? root.namespace : '',
    decisions,
  };
}
