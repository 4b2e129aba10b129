// ProcessModel → BPMN 2.0 XML for Zeebe 8.3 (zeebe: extensions, modeler: execution platform) with BPMN DI.
import type { Flow, FlowNode, IoMapping, ProcessModel, SubProcessNode } from './graph';
import { layoutShapes, routeFlow, type Bounds } from './layout';

export const EXECUTION_PLATFORM = 'Camunda Cloud';
export const EXECUTION_PLATFORM_VERSION = '8.3.0';
/** Every message of the contract is correlated on the dossier code. */
export const CORRELATION_KEY = '=dossierCode';

export function esc(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;');
}

export function messageElementId(name: string): string {
  return `Message_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

function flowId(flow: Flow): string {
  return `Flow_${flow.from}_${flow.to}`;
}

function attr(name: string, value: string | undefined): string {
  return value === undefined ? '' : ` ${name}="${esc(value)}"`;
}

function ioMappingXml(io: IoMapping | undefined): string {
  if (!io || (!io.inputs?.length && !io.outputs?.length)) return '';
  const inputs = (io.inputs ?? []).map(
    (m) => `<zeebe:input source="${esc(m.source)}" target="${esc(m.target)}" />`,
  );
  const outputs = (io.outputs ?? []).map(
    (m) => `<zeebe:output source="${esc(m.source)}" target="${esc(m.target)}" />`,
  );
  return `<zeebe:ioMapping>${[...inputs, ...outputs].join('')}</zeebe:ioMapping>`;
}

function extensions(parts: string[]): string {
  const body = parts.filter((p) => p !== '').join('');
  return body === '' ? '' : `<bpmn:extensionElements>${body}</bpmn:extensionElements>`;
}

interface Context {
  incoming: Map<string, string[]>;
  outgoing: Map<string, string[]>;
  defaults: Map<string, string>;
  messages: Set<string>;
}

function links(ctx: Context, id: string): string {
  const inc = (ctx.incoming.get(id) ?? []).map((f) => `<bpmn:incoming>${f}</bpmn:incoming>`);
  const out = (ctx.outgoing.get(id) ?? []).map((f) => `<bpmn:outgoing>${f}</bpmn:outgoing>`);
  return [...inc, ...out].join('');
}

function timerXml(date: string): string {
  return `<bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${esc(date)}</bpmn:timeDate></bpmn:timerEventDefinition>`;
}

function nodeXml(node: FlowNode, ctx: Context): string {
  const head = `id="${node.id}"${attr('name', node.name)}`;
  switch (node.kind) {
    case 'start': {
      let definition = '';
      if (node.message) {
        ctx.messages.add(node.message);
        definition = `<bpmn:messageEventDefinition messageRef="${messageElementId(node.message)}" />`;
      } else if (node.timerDate) {
        definition = timerXml(node.timerDate);
      }
      const interrupting = node.interrupting === false ? ' isInterrupting="false"' : '';
      return `<bpmn:startEvent ${head}${interrupting}>${extensions([ioMappingXml(node.io)])}${links(ctx, node.id)}${definition}</bpmn:startEvent>`;
    }
    case 'end':
      return `<bpmn:endEvent ${head}>${links(ctx, node.id)}</bpmn:endEvent>`;
    case 'service': {
      const headers = Object.entries(node.headers ?? {})
        .map(([key, value]) => `<zeebe:header key="${esc(key)}" value="${esc(value)}" />`)
        .join('');
      const template = node.template
        ? ` zeebe:modelerTemplate="${esc(node.template.id)}" zeebe:modelerTemplateVersion="${node.template.version}"`
        : '';
      const ext = extensions([
        `<zeebe:taskDefinition type="${esc(node.jobType)}" retries="3" />`,
        headers === '' ? '' : `<zeebe:taskHeaders>${headers}</zeebe:taskHeaders>`,
        ioMappingXml(node.io),
      ]);
      return `<bpmn:serviceTask ${head}${template}>${ext}${links(ctx, node.id)}</bpmn:serviceTask>`;
    }
    case 'rule': {
      const called = `<zeebe:calledDecision decisionId="${esc(node.decisionId)}" resultVariable="${esc(node.resultVariable)}" />`;
      return `<bpmn:businessRuleTask ${head}>${extensions([called])}${links(ctx, node.id)}</bpmn:businessRuleTask>`;
    }
    case 'user': {
      const ext = extensions([
        `<zeebe:formDefinition formKey="${esc(node.formKey)}" />`,
        `<zeebe:assignmentDefinition candidateGroups="${esc(node.candidateGroups.join(','))}" />`,
        node.dueDate ? `<zeebe:taskSchedule dueDate="${esc(node.dueDate)}" />` : '',
        ioMappingXml(node.io),
      ]);
      return `<bpmn:userTask ${head}>${ext}${links(ctx, node.id)}</bpmn:userTask>`;
    }
    case 'receive':
      ctx.messages.add(node.message);
      return `<bpmn:receiveTask ${head} messageRef="${messageElementId(node.message)}">${extensions([ioMappingXml(node.io)])}${links(ctx, node.id)}</bpmn:receiveTask>`;
    case 'xor': {
      const fallback = ctx.defaults.get(node.id);
      return `<bpmn:exclusiveGateway ${head}${attr('default', fallback)}>${links(ctx, node.id)}</bpmn:exclusiveGateway>`;
    }
    case 'and':
      return `<bpmn:parallelGateway ${head}>${links(ctx, node.id)}</bpmn:parallelGateway>`;
    case 'subprocess': {
      const triggered = node.triggeredByEvent ? ' triggeredByEvent="true"' : '';
      return `<bpmn:subProcess ${head}${triggered}>${links(ctx, node.id)}${containerBody(node.nodes, node.flows, ctx)}</bpmn:subProcess>`;
    }
    case 'boundary-timer':
      return `<bpmn:boundaryEvent ${head} attachedToRef="${node.attachedTo}"${node.cancelActivity ? '' : ' cancelActivity="false"'}>${links(ctx, node.id)}${timerXml(node.timerDate)}</bpmn:boundaryEvent>`;
  }
}

function flowXml(flow: Flow): string {
  const condition = flow.condition
    ? `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=${esc(flow.condition)}</bpmn:conditionExpression>`
    : '';
  return `<bpmn:sequenceFlow id="${flowId(flow)}"${attr('name', flow.name)} sourceRef="${flow.from}" targetRef="${flow.to}">${condition}</bpmn:sequenceFlow>`;
}

function containerBody(nodes: FlowNode[], flows: Flow[], ctx: Context): string {
  for (const flow of flows) {
    const id = flowId(flow);
    ctx.outgoing.set(flow.from, [...(ctx.outgoing.get(flow.from) ?? []), id]);
    ctx.incoming.set(flow.to, [...(ctx.incoming.get(flow.to) ?? []), id]);
    if (flow.isDefault) ctx.defaults.set(flow.from, id);
  }
  return [...nodes.map((n) => nodeXml(n, ctx)), ...flows.map(flowXml)].join('\n');
}

function allNodes(nodes: FlowNode[]): FlowNode[] {
  return nodes.flatMap((n) => (n.kind === 'subprocess' ? [n, ...allNodes(n.nodes)] : [n]));
}

function allFlows(nodes: FlowNode[], flows: Flow[]): Flow[] {
  return [
    ...flows,
    ...nodes
      .filter((n): n is SubProcessNode => n.kind === 'subprocess')
      .flatMap((n) => allFlows(n.nodes, n.flows)),
  ];
}

function boundsXml(b: Bounds): string {
  return `<dc:Bounds x="${Math.round(b.x)}" y="${Math.round(b.y)}" width="${Math.round(b.width)}" height="${Math.round(b.height)}" />`;
}

function diagramXml(model: ProcessModel): string {
  const shapes = layoutShapes(model);
  const nodes = allNodes(model.nodes);
  const kinds = new Map(nodes.map((n) => [n.id, n.kind] as const));
  // Containers first so bpmn-js draws children on top of them.
  const ordered = [...nodes].sort(
    (a, b) => Number(b.kind === 'subprocess') - Number(a.kind === 'subprocess'),
  );
  const shapeXml = ordered.map((n) => {
    const b = shapes.get(n.id);
    if (!b) throw new Error(`Thiếu hình của phần tử ${n.id}`);
    const expanded = n.kind === 'subprocess' ? ' isExpanded="true"' : '';
    return `<bpmndi:BPMNShape id="${n.id}_di" bpmnElement="${n.id}"${expanded}>${boundsXml(b)}</bpmndi:BPMNShape>`;
  });
  const edgeXml = allFlows(model.nodes, model.flows).map((f) => {
    const points = routeFlow(f, kinds, shapes)
      .map((p) => `<di:waypoint x="${Math.round(p.x)}" y="${Math.round(p.y)}" />`)
      .join('');
    return `<bpmndi:BPMNEdge id="${flowId(f)}_di" bpmnElement="${flowId(f)}">${points}</bpmndi:BPMNEdge>`;
  });
  return [
    `<bpmndi:BPMNDiagram id="${model.id}_diagram">`,
    `<bpmndi:BPMNPlane id="${model.id}_plane" bpmnElement="${model.id}">`,
    ...shapeXml,
    ...edgeXml,
    '</bpmndi:BPMNPlane>',
    '</bpmndi:BPMNDiagram>',
  ].join('\n');
}

export function writeBpmn(model: ProcessModel): string {
  const ctx: Context = { incoming: new Map(), outgoing: new Map(), defaults: new Map(), messages: new Set() };
  const body = containerBody(model.nodes, model.flows, ctx);
  const startMessages = new Set(
    model.nodes.flatMap((n) => (n.kind === 'start' && n.message ? [n.message] : [])),
  );
  const messages = [...ctx.messages].sort().map((name) => {
    // A top-level message start creates the instance; Zeebe takes no correlation key there.
    const subscription = startMessages.has(name)
      ? ''
      : `<bpmn:extensionElements><zeebe:subscription correlationKey="${CORRELATION_KEY}" /></bpmn:extensionElements>`;
    return `<bpmn:message id="${messageElementId(name)}" name="${esc(name)}">${subscription}</bpmn:message>`;
  });
  const documentation = model.documentation
    ? `<bpmn:documentation>${esc(model.documentation)}</bpmn:documentation>`
    : '';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"' +
      ' xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"' +
      ' xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"' +
      ' xmlns:di="http://www.omg.org/spec/DD/20100524/DI"' +
      ' xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"' +
      ' xmlns:modeler="http://camunda.org/schema/modeler/1.0"' +
      ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ` id="${model.id}_definitions" targetNamespace="https://mot-cua.vn/bpmn"` +
      ' exporter="Mot cua model kit" exporterVersion="1.0.0"' +
      ` modeler:executionPlatform="${EXECUTION_PLATFORM}" modeler:executionPlatformVersion="${EXECUTION_PLATFORM_VERSION}">`,
    `<bpmn:process id="${model.id}" name="${esc(model.name)}" isExecutable="true">`,
    documentation,
    body,
    '</bpmn:process>',
    ...messages,
    diagramXml(model),
    '</bpmn:definitions>',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}
