// How a publishing refusal names a diagram element: by the name the designer gave it and its id, as
// `"Tiếp nhận hồ sơ" (Intake)`, or by its id alone when it has no name.
import { BpmnModdle } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';

const moddle = new BpmnModdle({ zeebe: zeebeSchema });

export function elementLabel(id: string, name: string | undefined): string {
  return name ? `"${name}" (${id})` : `"${id}"`;
}

/** Element names by id; empty for a diagram that does not parse (refusals then name the id alone). */
export async function elementNames(xml: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  try {
    const { elementsById } = (await moddle.fromXML(xml)) as unknown as {
      elementsById: Record<string, { name?: string }>;
    };
    for (const [id, element] of Object.entries(elementsById)) if (element.name) names.set(id, element.name);
  } catch {
    // unreadable diagrams are bpmnProblems' to report
  }
  return names;
}
