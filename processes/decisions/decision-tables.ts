// A DMN resource read into plain decision tables (dmn-moddle, in the browser and on the server alike): each
// decision's inputs, outputs and rules with their cell texts, for the designer's lint and version diff.
import { DmnModdle } from 'dmn-moddle';

export interface TableRule {
  id: string;
  description: string;
  inputEntries: string[];
  outputEntries: string[];
}

export interface DecisionTable {
  id: string;
  name: string;
  /** False for a decision that is a literal expression (or has no logic). */
  isTable: boolean;
  inputs: { label: string; expression: string }[];
  outputs: { label: string; name: string }[];
  rules: TableRule[];
}

interface Node {
  $type: string;
  id?: string;
  name?: string;
  label?: string;
  text?: string;
  description?: string;
  [key: string]: unknown;
}

const moddle = new DmnModdle();
const list = (node: Node | undefined, key: string) => ((node?.[key] as Node[] | undefined) ?? []) as Node[];
const textOf = (node: Node | undefined) => (node?.text ?? '').trim();

/** The decisions of a DMN resource; throws when the XML does not parse as DMN. */
export async function readDecisionTables(dmnXml: string): Promise<DecisionTable[]> {
  const { rootElement } = await moddle.fromXML(dmnXml);
  return list(rootElement as Node, 'drgElement')
    .filter((n) => n.$type === 'dmn:Decision')
    .map((decision) => {
      const logic = decision.decisionLogic as Node | undefined;
      const isTable = logic?.$type === 'dmn:DecisionTable';
      return {
        id: decision.id ?? '',
        name: decision.name ?? decision.id ?? '',
        isTable,
        inputs: list(logic, 'input').map((i) => ({
          label: (i.label ?? '').trim(),
          expression: textOf(i.inputExpression as Node | undefined),
        })),
        outputs: list(logic, 'output').map((o) => ({ label: (o.label ?? '').trim(), name: o.name ?? '' })),
        rules: list(logic, 'rule').map((r, index) => ({
          id: r.id ?? `rule-${index + 1}`,
          description: (r.description ?? '').trim(),
          inputEntries: list(r, 'inputEntry').map(textOf),
          outputEntries: list(r, 'outputEntry').map(textOf),
        })),
      };
    });
}
