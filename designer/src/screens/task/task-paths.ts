// What the process model lets an officer decide at a user task, read from the published BPMN: the `decision`
// values on the conditions of the gateway right after the task (or, with no such gateway, the decisions the
// task's form declares, as the server allows them), and the inter-agency transfers
// (`dossier.transfer` service tasks) the "approve" path leads to. Our models transfer only by path — there is no
// free "send to agency X" — so the screen offers the approve decision that routes there and names the targets.
import { decisionOfCondition, USUAL_DECISION_ORDER } from '../../../../processes/decision-conditions';
import { INBOX_TASK_FORMS } from '../../../../processes/task-forms';
import type { Decision } from '../../api/workspace-api';

export interface TaskPaths {
  /**
   * Decisions the gateway after the task routes on, else those its form declares (a record step: approve only);
   * empty when the model has neither.
   */
  decisions: Decision[];
  /** Transfers reached from "approve" without another officer's step in between. */
  transfers: string[];
  /** Transfers reached on the approve path after later user tasks. */
  laterTransfers: string[];
}

const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const ZEEBE = 'http://camunda.org/schema/zeebe/1.0';
/** The decisions the screens have words for. */
const known: readonly Decision[] = USUAL_DECISION_ORDER;

export function taskPaths(xml: string, bpmnProcessId: string, elementId: string): TaskPaths {
  const none: TaskPaths = { decisions: [], transfers: [], laterTransfers: [] };
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const process = [...doc.getElementsByTagNameNS(BPMN, 'process')].find(
    (p) => p.getAttribute('id') === bpmnProcessId,
  );
  if (!process) return none;
  const elements = new Map<string, Element>();
  const outgoing = new Map<string, Element[]>();
  for (const element of process.getElementsByTagName('*')) {
    const id = element.getAttribute('id');
    if (!id || element.namespaceURI !== BPMN) continue;
    elements.set(id, element);
    if (element.localName === 'sequenceFlow') {
      const source = element.getAttribute('sourceRef') ?? '';
      outgoing.set(source, [...(outgoing.get(source) ?? []), element]);
    }
  }
  const decisionOf = (flow: Element) => {
    const condition = flow.getElementsByTagNameNS(BPMN, 'conditionExpression')[0]?.textContent ?? '';
    return decisionOfCondition(condition) as Decision | undefined;
  };
  /** The flows leaving the decision gateway right after a task, with the decision each one routes. */
  const decisionFlows = (taskId: string) => {
    const next = (outgoing.get(taskId) ?? []).map((f) => elements.get(f.getAttribute('targetRef') ?? ''));
    const gateway = next.find((e) => e?.localName === 'exclusiveGateway');
    return (gateway ? (outgoing.get(gateway.getAttribute('id')!) ?? []) : []).map((flow) => ({
      flow,
      decision: decisionOf(flow),
    }));
  };

  // In one fixed order (approve, supplement, refuse, return), whatever the model's flow order.
  const routed = new Set<string | undefined>(decisionFlows(elementId).map((x) => x.decision));
  if (!routed.size) {
    const task = elements.get(elementId);
    const formKey = task?.getElementsByTagNameNS(ZEEBE, 'formDefinition')[0]?.getAttribute('formKey');
    for (const d of (formKey && INBOX_TASK_FORMS[formKey]?.decisions) || []) routed.add(d);
  }
  const decisions = known.filter((d) => routed.has(d));
  const transfers: string[] = [];
  const laterTransfers: string[] = [];
  const approveFlows = decisionFlows(elementId).filter((x) => x.decision === 'approve');
  const queue = approveFlows.map((x) => ({ id: x.flow.getAttribute('targetRef') ?? '', later: false }));
  const seen = new Set<string>([elementId]);
  while (queue.length) {
    const { id, later } = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const element = elements.get(id);
    if (!element) continue;
    if (element.localName === 'serviceTask') {
      const type = element.getElementsByTagNameNS(ZEEBE, 'taskDefinition')[0]?.getAttribute('type');
      if (type === 'dossier.transfer') {
        const headers = [...element.getElementsByTagNameNS(ZEEBE, 'header')];
        const direction = headers.find((h) => h.getAttribute('key') === 'direction')?.getAttribute('value');
        if (direction !== 'return') {
          (later ? laterTransfers : transfers).push(element.getAttribute('name') ?? id);
        }
      }
    }
    if (element.localName === 'userTask') {
      // Past another officer's step only its own approve path leads on.
      for (const x of decisionFlows(id).filter((f) => f.decision === 'approve')) {
        queue.push({ id: x.flow.getAttribute('targetRef') ?? '', later: true });
      }
      continue;
    }
    for (const flow of outgoing.get(id) ?? []) {
      const decision = decisionOf(flow);
      if (!decision || decision === 'approve')
        queue.push({ id: flow.getAttribute('targetRef') ?? '', later });
    }
  }
  return { decisions, transfers, laterTransfers };
}

/** The user task's name in the model (the inbox row carries its element id when the job has no name header). */
export function elementName(xml: string, bpmnProcessId: string, elementId: string): string | undefined {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const process = [...doc.getElementsByTagNameNS(BPMN, 'process')].find(
    (p) => p.getAttribute('id') === bpmnProcessId,
  );
  const element = process
    ? [...process.getElementsByTagNameNS(BPMN, 'userTask')].find((e) => e.getAttribute('id') === elementId)
    : undefined;
  return element?.getAttribute('name')?.trim() || undefined;
}
