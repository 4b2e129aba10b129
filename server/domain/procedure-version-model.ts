// What the server and the workers read from a dossier's procedure version model, parsed once per version: for
// each user task its form key and the decisions the exclusive gateway right after it routes, and for each
// element the user tasks whose completion leads to it with no wait in between (the officers who caused a
// worker's step). Keys are `processId/elementId`. An agency's share of an inter-agency path is a process of its
// own, deployed from the catalogue beside the lead's: its model is read from there.
import { BpmnModdle } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { byUsualDecisionOrder, decisionOfCondition } from '../../processes/decision-conditions';
import { loadCatalogue } from '../../processes/catalogue';
import { ProcedureModel } from '../models/Procedure';

interface FlowNode {
  $type: string;
  id: string;
  flowElements?: FlowNode[];
  sourceRef?: { id: string };
  targetRef?: FlowNode;
  /** A gateway's default flow: taken whatever the decision. */
  default?: FlowNode;
  conditionExpression?: { body?: string };
  eventDefinitions?: unknown[];
  triggeredByEvent?: boolean;
  extensionElements?: { values?: { $type: string; formKey?: string }[] };
}

export interface UserTaskModel {
  formKey?: string;
  /** Decisions the gateway after the task routes, in the usual order; empty when none does. */
  decisions: string[];
}

export interface VersionModel {
  processIds: Set<string>;
  userTasks: Map<string, UserTaskModel>;
  /** The user tasks (`processId/elementId`) an element follows without a wait state between them. */
  causingTasks(processId: string, elementId: string): string[];
}

const moddle = new BpmnModdle({ zeebe: zeebeSchema });

/** Elements an element is reached through without waiting (a worker's step passes straight on). */
const PASS_THROUGH = new Set([
  'bpmn:ServiceTask',
  'bpmn:ExclusiveGateway',
  'bpmn:ParallelGateway',
  'bpmn:InclusiveGateway',
  'bpmn:EndEvent',
  'bpmn:IntermediateThrowEvent',
  'bpmn:Task',
]);

function parseProcess(process: FlowNode, userTasks: Map<string, UserTaskModel>) {
  const flows: FlowNode[] = [];
  const nodes = new Map<string, { node: FlowNode; parent?: FlowNode }>();
  const walk = (container: FlowNode, parent?: FlowNode) => {
    for (const element of container.flowElements ?? []) {
      if (element.$type === 'bpmn:SequenceFlow') flows.push(element);
      else nodes.set(element.id, { node: element, ...(parent ? { parent } : {}) });
      if (element.flowElements) walk(element, element);
    }
  };
  walk(process);
  const leaving = (id: string) => flows.filter((f) => f.sourceRef?.id === id);
  const arriving = (id: string) => flows.filter((f) => f.targetRef?.id === id).map((f) => f.sourceRef!.id);
  for (const { node } of nodes.values()) {
    if (node.$type !== 'bpmn:UserTask') continue;
    const gateway = leaving(node.id)
      .map((f) => f.targetRef)
      .find((target) => target?.$type === 'bpmn:ExclusiveGateway');
    const decisions =
      gateway && !gateway.default
        ? leaving(gateway.id)
            .map((f) => decisionOfCondition(f.conditionExpression?.body ?? ''))
            .filter((d): d is string => d !== undefined)
        : [];
    const formKey = node.extensionElements?.values?.find((v) => v.$type === 'zeebe:FormDefinition')?.formKey;
    userTasks.set(`${process.id}/${node.id}`, {
      ...(formKey ? { formKey } : {}),
      decisions: [...new Set(decisions)].sort(byUsualDecisionOrder),
    });
  }
  /** What runs just before `id`: its flows' sources, or for a plain start inside a subprocess what enters it. */
  const before = (id: string): string[] => {
    const entry = nodes.get(id);
    if (entry?.node.$type === 'bpmn:StartEvent' && !entry.node.eventDefinitions?.length && entry.parent) {
      return entry.parent.triggeredByEvent ? [] : arriving(entry.parent.id);
    }
    return arriving(id);
  };
  const causes = new Map<string, string[]>();
  return (elementId: string): string[] => {
    const known = causes.get(elementId);
    if (known) return known;
    const found = new Set<string>();
    const seen = new Set<string>();
    const queue = before(elementId);
    while (queue.length) {
      const id = queue.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const node = nodes.get(id)?.node;
      if (!node) continue;
      if (node.$type === 'bpmn:UserTask') found.add(`${process.id}/${id}`);
      else if (node.$type === 'bpmn:SubProcess') {
        // The scope ends when one of its plain end events is reached.
        queue.push(
          ...(node.flowElements ?? [])
            .filter((e) => e.$type === 'bpmn:EndEvent' && !e.eventDefinitions?.length)
            .map((e) => e.id),
        );
      } else if (PASS_THROUGH.has(node.$type)) queue.push(...before(id));
      // Receive tasks, catch and boundary events and message or timer starts wait for something else.
    }
    const list = [...found];
    causes.set(elementId, list);
    return list;
  };
}

/** The model of one BPMN document (every process in it). */
export async function parseVersionModel(xml: string): Promise<VersionModel> {
  const { rootElement } = await moddle.fromXML(xml);
  const userTasks = new Map<string, UserTaskModel>();
  const causing = new Map<string, (elementId: string) => string[]>();
  const processes = ((rootElement as { rootElements?: FlowNode[] }).rootElements ?? []).filter(
    (e) => e.$type === 'bpmn:Process',
  );
  for (const process of processes) causing.set(process.id, parseProcess(process, userTasks));
  return {
    processIds: new Set(causing.keys()),
    userTasks,
    causingTasks: (processId, elementId) => causing.get(processId)?.(elementId) ?? [],
  };
}

/** Parsed models by procedure version; versions are immutable once published, so entries never go stale. */
const modelsByVersion = new Map<string, Promise<VersionModel | undefined>>();
const CACHED_VERSIONS = 64;

/** The model of a procedure version, or undefined when the version stores none (or it no longer parses). */
export function procedureVersionModel(code: string, version: number): Promise<VersionModel | undefined> {
  const key = `${code}@${version}`;
  let model = modelsByVersion.get(key);
  if (!model) {
    model = ProcedureModel.findOne({ code }, { versions: { $elemMatch: { version } } })
      .lean()
      .then((procedure) => {
        const xml = procedure?.versions?.[0]?.bpmnXml;
        // A published version parsed when it was published; should it not now, callers fall back.
        return xml ? parseVersionModel(xml).catch(() => undefined) : undefined;
      });
    // A store outage or a version without a model is not remembered: the next call reads again.
    model.then(
      (parsed) => parsed ?? modelsByVersion.delete(key),
      () => modelsByVersion.delete(key),
    );
    if (modelsByVersion.size >= CACHED_VERSIONS) modelsByVersion.delete(modelsByVersion.keys().next().value!);
    modelsByVersion.set(key, model);
  }
  return model;
}

let catalogueModels: Promise<Map<string, Promise<VersionModel | undefined>>> | undefined;

/** The catalogue's model of a process (processes/<procedure>/*.bpmn), parsed once. */
function catalogueModel(bpmnProcessId: string): Promise<VersionModel | undefined> {
  catalogueModels ??= loadCatalogue().then((entries) => {
    const byProcess = new Map<string, Promise<VersionModel | undefined>>();
    for (const model of entries.flatMap((e) => e.models)) {
      const parsed = parseVersionModel(model.xml).catch(() => undefined);
      for (const id of model.processIds) byProcess.set(id, parsed);
    }
    return byProcess;
  });
  return catalogueModels.then((byProcess) => byProcess.get(bpmnProcessId));
}

/**
 * The model holding `bpmnProcessId` for a dossier of procedure `code` version `version`: the version's own, or
 * for a partner agency's process that the version does not hold, the catalogue's.
 */
export async function processModel(
  code: string,
  version: number,
  bpmnProcessId: string,
): Promise<VersionModel | undefined> {
  const own = await procedureVersionModel(code, version);
  if (own?.processIds.has(bpmnProcessId)) return own;
  return (await catalogueModel(bpmnProcessId)) ?? own;
}
