// The decisions a user task may be completed with: the `decision` values on the conditions of the exclusive
// gateway right after the task in the dossier's procedure version. A decision no flow takes would stop the
// instance at the gateway with an incident, so the API refuses it before the engine sees it.
import { BpmnModdle } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { byUsualDecisionOrder, decisionOfCondition } from '../../processes/decision-conditions';
import { ApiError } from '../errors/api-error';
import { DossierModel } from '../models/Dossier';
import { ProcedureModel } from '../models/Procedure';
import type { Task } from '../models/Task';

interface FlowNode {
  $type: string;
  id: string;
  flowElements?: FlowNode[];
  sourceRef?: { id: string };
  targetRef?: FlowNode;
  /** A gateway's default flow: taken whatever the decision. */
  default?: FlowNode;
  conditionExpression?: { body?: string };
}

const moddle = new BpmnModdle({ zeebe: zeebeSchema });

/** Parsed models by procedure version; versions are immutable once published, so entries never go stale. */
const routedByVersion = new Map<string, Promise<Map<string, string[]>>>();
const CACHED_VERSIONS = 64;

/** For every user task of every process in the XML (`processId/elementId`): the decisions its gateway routes. */
async function decisionsByTask(xml: string): Promise<Map<string, string[]>> {
  const { rootElement } = await moddle.fromXML(xml);
  const routed = new Map<string, string[]>();
  const roots = ((rootElement as { rootElements?: FlowNode[] }).rootElements ?? []).filter(
    (e) => e.$type === 'bpmn:Process',
  );
  for (const process of roots) {
    const flows: FlowNode[] = [];
    const userTasks: FlowNode[] = [];
    const walk = (container: FlowNode) => {
      for (const element of container.flowElements ?? []) {
        if (element.$type === 'bpmn:SequenceFlow') flows.push(element);
        if (element.$type === 'bpmn:UserTask') userTasks.push(element);
        if (element.flowElements) walk(element);
      }
    };
    walk(process);
    const leaving = (id: string) => flows.filter((f) => f.sourceRef?.id === id);
    for (const task of userTasks) {
      const gateway = leaving(task.id)
        .map((f) => f.targetRef)
        .find((target) => target?.$type === 'bpmn:ExclusiveGateway');
      const decisions =
        gateway && !gateway.default
          ? leaving(gateway.id)
              .map((f) => decisionOfCondition(f.conditionExpression?.body ?? ''))
              .filter((d): d is string => d !== undefined)
          : [];
      routed.set(`${process.id}/${task.id}`, [...new Set(decisions)].sort(byUsualDecisionOrder));
    }
  }
  return routed;
}

async function routedDecisions(task: Task): Promise<string[] | undefined> {
  const dossier = await DossierModel.findById(task.dossier, {
    'procedure.code': 1,
    'procedure.version': 1,
  }).lean();
  if (!dossier) return undefined;
  const key = `${dossier.procedure.code}@${dossier.procedure.version}`;
  let routed = routedByVersion.get(key);
  if (!routed) {
    const procedure = await ProcedureModel.findOne(
      { code: dossier.procedure.code },
      { versions: { $elemMatch: { version: dossier.procedure.version } } },
    ).lean();
    const xml = procedure?.versions?.[0]?.bpmnXml;
    if (!xml) return undefined;
    // A published version parsed when it was published; should it not now, the engine's incident is the guard.
    routed = decisionsByTask(xml).catch(() => new Map<string, string[]>());
    if (routedByVersion.size >= CACHED_VERSIONS) routedByVersion.delete(routedByVersion.keys().next().value!);
    routedByVersion.set(key, routed);
  }
  return (await routed).get(`${task.bpmnProcessId}/${task.elementId}`);
}

/**
 * Refuses a decision the task's gateway does not route (400 on `variables.decision`, naming the allowed ones).
 * A task with no decision gateway after it (or one with a default flow), or whose model is not stored, takes any
 * variables.
 */
export async function assertRoutedDecision(task: Task, variables: Record<string, unknown>): Promise<void> {
  const allowed = await routedDecisions(task);
  if (!allowed?.length) return;
  const decision = variables.decision;
  if (typeof decision === 'string' && allowed.includes(decision)) return;
  const list = allowed.join(', ');
  const given = typeof decision === 'string' ? `"${decision.slice(0, 40)}"` : undefined;
  throw new ApiError(400, 'validation_failed', {}, [
    {
      path: 'variables.decision',
      text: {
        vi: given
          ? `Quyết định ${given} không có trong quy trình ở bước này; chọn một trong: ${list}`
          : `Cần chọn quyết định cho bước này: ${list}`,
        en: given
          ? `Decision ${given} is not routed by the process at this step; choose one of: ${list}`
          : `This step needs a decision: ${list}`,
      },
    },
  ]);
}
