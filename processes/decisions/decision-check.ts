// The designer's check of a version's decision tables before publishing (the server's engine has the last word):
// every decision a business rule task calls exists, no table is empty, every input is named; in Vietnamese.
import { readDecisionTables, type DecisionTable } from './decision-tables';

export interface DecisionFinding {
  /** The resource (file) the finding is about, or '' for the diagram. */
  resource: string;
  message: string;
}

const CALLED_DECISION = /<zeebe:calledDecision\b[^>]*\bdecisionId="([^"]*)"/g;

/** Decision ids the diagram's business rule tasks call by name (a FEEL `=…` id is only known at run time). */
export function calledDecisions(bpmnXml: string): string[] {
  return [...bpmnXml.matchAll(CALLED_DECISION)].map((m) => m[1] ?? '').filter((id) => !id.startsWith('='));
}

function tableFindings(resource: string, table: DecisionTable): DecisionFinding[] {
  const named = `Bảng quyết định "${table.name}" (${table.id})`;
  if (!table.isTable) return [];
  const findings: DecisionFinding[] = [];
  if (table.rules.length === 0) findings.push({ resource, message: `${named} chưa có quy tắc nào` });
  table.inputs.forEach((input, index) => {
    if (!input.expression)
      findings.push({ resource, message: `${named}: đầu vào thứ ${index + 1} chưa có biểu thức` });
    if (!input.label) findings.push({ resource, message: `${named}: đầu vào thứ ${index + 1} chưa có tên` });
  });
  table.outputs.forEach((output, index) => {
    if (!output.name && table.outputs.length > 1)
      findings.push({ resource, message: `${named}: đầu ra thứ ${index + 1} chưa có tên biến` });
  });
  return findings;
}

export async function decisionFindings(
  bpmnXml: string,
  decisions: { name: string; dmnXml: string }[],
): Promise<DecisionFinding[]> {
  const findings: DecisionFinding[] = [];
  const held = new Set<string>();
  for (const resource of decisions) {
    let tables: DecisionTable[];
    try {
      tables = await readDecisionTables(resource.dmnXml);
    } catch (error) {
      findings.push({
        resource: resource.name,
        message: `Tệp ${resource.name} không đọc được: ${(error as Error).message.slice(0, 200)}`,
      });
      continue;
    }
    for (const table of tables) {
      held.add(table.id);
      findings.push(...tableFindings(resource.name, table));
    }
  }
  for (const id of new Set(calledDecisions(bpmnXml)))
    if (!held.has(id))
      findings.push({
        resource: '',
        message: `Sơ đồ gọi bảng quyết định "${id}" nhưng phiên bản không có bảng này`,
      });
  return findings;
}
