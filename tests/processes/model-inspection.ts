// What a model declares, read from its XML: tasks with job types and headers, user tasks, messages, timers.
import { child, descendants, parseXml, type XmlElement } from './xml-tree';

export interface ServiceTask {
  id: string;
  jobType: string | undefined;
  headers: Record<string, string>;
  template: string | undefined;
}

export interface ModelFacts {
  processIds: string[];
  serviceTasks: ServiceTask[];
  userTasks: { id: string; candidateGroups: string[]; formKey: string | undefined }[];
  /** Message names caught, with the element and whether it starts the process. */
  caught: { element: string; message: string; startsProcess: boolean }[];
  messages: { id: string; name: string; correlationKey: string | undefined }[];
  boundaryTimers: { id: string; timeDate: string; interrupting: boolean; attachedTo: string }[];
  /** FEEL expressions in conditions, timers, schedules and mappings. */
  expressions: string[];
}

function extension(element: XmlElement, name: string): XmlElement[] {
  return child(element, 'bpmn:extensionElements')?.children.filter((c) => c.name === name) ?? [];
}

export function inspectModel(xml: string): ModelFacts {
  const doc = parseXml(xml);
  const all = descendants(doc);
  const messages = all
    .filter((e) => e.name === 'bpmn:message')
    .map((e) => ({
      id: e.attrs.id ?? '',
      name: e.attrs.name ?? '',
      correlationKey: extension(e, 'zeebe:subscription')[0]?.attrs.correlationKey,
    }));
  const messageName = (ref: string | undefined): string => messages.find((m) => m.id === ref)?.name ?? '';
  const processes = all.filter((e) => e.name === 'bpmn:process');
  const topLevelStarts = new Set(
    processes.flatMap((p) => p.children.filter((c) => c.name === 'bpmn:startEvent').map((c) => c.attrs.id)),
  );

  const caught: ModelFacts['caught'] = [];
  for (const e of all) {
    if (e.name === 'bpmn:receiveTask')
      caught.push({
        element: e.attrs.id ?? '',
        message: messageName(e.attrs.messageRef),
        startsProcess: false,
      });
    const definition = child(e, 'bpmn:messageEventDefinition');
    if (
      definition &&
      (e.name === 'bpmn:startEvent' ||
        e.name === 'bpmn:intermediateCatchEvent' ||
        e.name === 'bpmn:boundaryEvent')
    ) {
      caught.push({
        element: e.attrs.id ?? '',
        message: messageName(definition.attrs.messageRef),
        startsProcess: topLevelStarts.has(e.attrs.id),
      });
    }
  }

  const expressions = all
    .filter((e) =>
      ['bpmn:conditionExpression', 'bpmn:timeDate', 'bpmn:timeDuration', 'bpmn:timeCycle'].includes(e.name),
    )
    .map((e) => e.text.trim())
    .concat(all.filter((e) => e.name === 'zeebe:taskSchedule').map((e) => e.attrs.dueDate ?? ''))
    .concat(
      all
        .filter((e) => e.name === 'zeebe:input' || e.name === 'zeebe:output')
        .map((e) => e.attrs.source ?? ''),
    )
    .filter((x) => x.startsWith('='));

  return {
    processIds: processes.map((p) => p.attrs.id ?? ''),
    serviceTasks: all
      .filter((e) => e.name === 'bpmn:serviceTask')
      .map((e) => ({
        id: e.attrs.id ?? '',
        jobType: extension(e, 'zeebe:taskDefinition')[0]?.attrs.type,
        headers: Object.fromEntries(
          extension(e, 'zeebe:taskHeaders')
            .flatMap((h) => h.children)
            .map((h) => [h.attrs.key ?? '', h.attrs.value ?? '']),
        ),
        template: e.attrs['zeebe:modelerTemplate'],
      })),
    userTasks: all
      .filter((e) => e.name === 'bpmn:userTask')
      .map((e) => ({
        id: e.attrs.id ?? '',
        candidateGroups: (extension(e, 'zeebe:assignmentDefinition')[0]?.attrs.candidateGroups ?? '')
          .split(',')
          .map((g) => g.trim())
          .filter((g) => g !== ''),
        formKey: extension(e, 'zeebe:formDefinition')[0]?.attrs.formKey,
      })),
    caught,
    messages,
    boundaryTimers: all
      .filter((e) => e.name === 'bpmn:boundaryEvent' && child(e, 'bpmn:timerEventDefinition'))
      .map((e) => ({
        id: e.attrs.id ?? '',
        timeDate: child(child(e, 'bpmn:timerEventDefinition')!, 'bpmn:timeDate')?.text.trim() ?? '',
        interrupting: e.attrs.cancelActivity !== 'false',
        attachedTo: e.attrs.attachedToRef ?? '',
      })),
    expressions,
  };
}
