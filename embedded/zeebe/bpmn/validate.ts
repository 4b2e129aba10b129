// Deploy-time structure checks with Zeebe's messages; also links boundaries and event-gateway targets.
import { inFeelScope, isExpression, parseError } from '../feel';
import { childrenOf, type ElementDef, type ProcessModel } from './model';
import type { ValidationError } from './parse';

const TARGET = /^[a-zA-Z][a-zA-Z0-9_]*(\.[a-zA-Z][a-zA-Z0-9_]*)*$/;
const RESERVED = new Set([
  'null',
  'true',
  'false',
  'function',
  'if',
  'then',
  'else',
  'for',
  'return',
  'in',
  'some',
  'every',
  'satisfies',
  'and',
  'or',
  'between',
  'instance',
  'of',
  'not',
]);
const JOB_ELEMENTS = new Set(['serviceTask', 'sendTask', 'businessRuleTask', 'scriptTask']);

function mustBeExpression(value: string | undefined, elementId: string, errors: ValidationError[]): void {
  if (value === undefined) return;
  if (!isExpression(value)) {
    errors.push({
      elementId,
      message: `Expected expression but found static value '${value}'. An expression must start with '=' (e.g. '=${value}').`,
    });
    return;
  }
  checkParse(value, elementId, errors);
}

function checkParse(value: string | undefined, elementId: string, errors: ValidationError[]): void {
  if (!value || !isExpression(value)) return;
  const problem = parseError(value);
  if (problem) errors.push({ elementId, message: problem });
}

function needsJob(el: ElementDef): boolean {
  if (JOB_ELEMENTS.has(el.type))
    return !(el.type === 'scriptTask' && el.script) && !(el.type === 'businessRuleTask' && el.calledDecision);
  return (el.type === 'intermediateThrowEvent' || el.type === 'endEvent') && el.event?.kind === 'message';
}

/** The process's FEEL is tried within one budget of its own (see parseError). */
export function validate(model: ProcessModel, errors: ValidationError[]): void {
  inFeelScope(() => {
    for (const el of model.elements.values()) {
      if (el.attachedTo) model.elements.get(el.attachedTo)?.boundaries.push(el.id);
      validateElement(model, el, errors);
    }
    for (const flow of model.flows.values()) {
      if (flow.condition) mustBeExpression(flow.condition, flow.id, errors);
    }
    checkStarts(model, model.id, model.children, errors, false);
  });
}

function checkStarts(
  model: ProcessModel,
  scopeId: string,
  children: string[],
  errors: ValidationError[],
  isSubprocess: boolean,
): void {
  const starts = children.map((id) => model.elements.get(id)).filter((e) => e?.type === 'startEvent');
  const none = starts.filter((e) => !e?.event);
  if (none.length > 1) errors.push({ elementId: scopeId, message: 'Must have at most one none start event' });
  if (isSubprocess && (none.length !== 1 || starts.length !== 1)) {
    errors.push({ elementId: scopeId, message: 'Must have exactly one start event' });
  }
  for (const id of children) {
    const el = model.elements.get(id);
    if (el?.type === 'subProcess') {
      if (el.triggeredByEvent) {
        const start = childrenOf(model, el.id)
          .map((c) => model.elements.get(c))
          .filter((c) => c?.type === 'startEvent');
        if (start.length !== 1 || !start[0]?.event) {
          errors.push({
            elementId: el.id,
            message: 'Must have exactly one start event with an event definition',
          });
        }
      } else {
        checkStarts(model, el.id, el.children, errors, true);
      }
    }
  }
}

function validateElement(model: ProcessModel, el: ElementDef, errors: ValidationError[]): void {
  const id = el.id;
  const bothOnRuleTask = el.type === 'businessRuleTask' && el.calledDecision && el.jobType !== undefined;
  if ((needsJob(el) && !el.jobType) || bothOnRuleTask) {
    if (el.type === 'businessRuleTask') {
      errors.push({
        elementId: id,
        message:
          "Must have either one 'zeebe:calledDecision' or one 'zeebe:taskDefinition' extension element",
      });
    } else {
      errors.push({
        elementId: id,
        message: "Must have exactly one 'zeebe:taskDefinition' extension element",
      });
    }
  }
  if (el.type === 'callActivity' && !el.calledProcessId) {
    errors.push({ elementId: id, message: "Must have exactly one 'zeebe:calledElement' extension element" });
  }
  for (const m of el.inputs) {
    checkTarget(m.target, id, errors);
    checkParse(m.source, id, errors);
  }
  for (const m of el.outputs) {
    checkTarget(m.target, id, errors);
    mustBeExpression(m.source, id, errors);
  }
  if (el.type === 'exclusiveGateway' || el.type === 'inclusiveGateway') {
    if (el.outgoing.length > 1) {
      for (const flowId of el.outgoing) {
        const flow = model.flows.get(flowId);
        if (flow && !flow.condition && flowId !== el.defaultFlow) {
          errors.push({ elementId: flowId, message: 'Must have a condition or be default flow' });
        }
      }
    }
  }
  if (el.type === 'inclusiveGateway' && el.incoming.length > 1) {
    errors.push({
      elementId: id,
      message: 'Currently the inclusive gateway can only have one incoming sequence flow',
    });
  }
  if (el.type === 'eventBasedGateway') {
    for (const flowId of el.outgoing) {
      const target = model.elements.get(model.flows.get(flowId)?.target ?? '');
      if (target && (target.type === 'intermediateCatchEvent' || target.type === 'receiveTask')) {
        el.eventTargets.push(target.id);
      } else {
        errors.push({
          elementId: id,
          message:
            'Event-based gateway must not have an outgoing sequence flow to other elements than message/timer/signal intermediate catch events.',
        });
      }
    }
  }
  if (el.multiInstance) {
    mustBeExpression(el.multiInstance.inputCollection || undefined, id, errors);
    if (!el.multiInstance.inputCollection) {
      errors.push({ elementId: id, message: "Must have 'inputCollection' in 'zeebe:loopCharacteristics'" });
    }
    mustBeExpression(el.multiInstance.outputElement, id, errors);
    checkParse(el.multiInstance.completionCondition, id, errors);
  }
  if (el.script) mustBeExpression(el.script.expression, id, errors);
  if (el.calledDecision) {
    if (el.calledDecision.decisionId === '')
      errors.push({ elementId: id, message: "Attribute 'decisionId' must be present and not empty" });
    else checkParse(el.calledDecision.decisionId, id, errors);
    if (el.calledDecision.resultVariable === '')
      errors.push({ elementId: id, message: "Attribute 'resultVariable' must be present and not empty" });
  }
  if (el.type === 'receiveTask' && !el.event) {
    el.event = { kind: 'message' };
  }
  validateEvent(model, el, errors);
}

function checkTarget(target: string, id: string, errors: ValidationError[]): void {
  if (!TARGET.test(target) || RESERVED.has(target)) {
    errors.push({ elementId: id, message: `Expected a valid mapping target, but found '${target}'` });
  }
}

function validateEvent(model: ProcessModel, el: ElementDef, errors: ValidationError[]): void {
  const ev = el.event;
  const id = el.id;
  if (el.type === 'boundaryEvent' && !el.attachedTo) {
    errors.push({ elementId: id, message: 'Must be attached to an activity' });
  }
  if (!ev) {
    if (el.type === 'boundaryEvent' || el.type === 'intermediateCatchEvent') {
      errors.push({ elementId: id, message: 'Must have exactly one event definition' });
    }
    return;
  }
  if (ev.kind === 'message' && el.type !== 'endEvent' && el.type !== 'intermediateThrowEvent') {
    if (!ev.messageName) errors.push({ elementId: id, message: 'Must reference a message with a name' });
    const isStart = el.type === 'startEvent' && !isInEventSubprocess(model, el);
    if (!isStart) {
      if (!ev.correlationKey) {
        errors.push({ elementId: id, message: 'Must have a correlation key' });
      } else {
        mustBeExpression(ev.correlationKey, id, errors);
      }
    }
  }
  if (ev.kind === 'timer') {
    const t = ev.timer ?? {};
    const count = [t.duration, t.date, t.cycle].filter((x) => x !== undefined).length;
    if (count !== 1)
      errors.push({ elementId: id, message: 'Must have exactly one type of timer definition' });
    if (el.type === 'intermediateCatchEvent' && t.cycle) {
      errors.push({
        elementId: id,
        message: 'Intermediate timer catch event must have either a time duration or a time date',
      });
    }
  }
  if (ev.kind === 'signal' && !ev.signalName) {
    errors.push({ elementId: id, message: 'Must reference a signal with a name' });
  }
  if (ev.kind === 'error' && el.type === 'startEvent' && !isInEventSubprocess(model, el)) {
    errors.push({
      elementId: id,
      message: "Elements of type 'startEvent' with an error event definition must be in an event subprocess",
    });
  }
  if (ev.kind === 'link') {
    errors.push({ elementId: id, message: 'Event definition of this type is not supported' });
  }
}

function isInEventSubprocess(model: ProcessModel, el: ElementDef): boolean {
  return model.elements.get(el.scopeId)?.triggeredByEvent === true;
}
