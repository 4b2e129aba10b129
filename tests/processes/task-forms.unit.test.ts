// The variables a user task takes are read from its model (processes/task-forms.ts through the parsed version
// model): every form key our models and templates use is a known task form, none declares a variable the system
// owns, a designed task with a form key of its own takes only its routed decisions and their reasons, and a
// worker's step knows which officers' tasks lead to it without a wait in between.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DECISION_FIELDS,
  DECISION_REQUIRES,
  INBOX_TASK_FORMS,
  SYSTEM_VARIABLES,
  taskVariables,
} from '../../processes/task-forms';
import { parseVersionModel } from '../../server/domain/procedure-version-model';
import { modelFiles, processesDir } from './model-files';

const contract = readFileSync(join(processesDir, 'CONTRACT.md'), 'utf8');
/** Names in the first column of the contract's variable tables, but for those user tasks write. */
const systemNamesOfContract = contract
  .slice(contract.indexOf('## Process variables'), contract.indexOf('Time limits'))
  .split('\n')
  .filter((line) => line.startsWith('| `') && !line.includes('| user tasks'))
  .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([A-Za-z]+)`/g)].map((m) => m[1]!));

test('every form key of the shipped models and the user-task templates is a task form of the inbox', async () => {
  const keys = new Set<string>();
  for (const { xml } of modelFiles()) {
    const model = await parseVersionModel(xml);
    for (const task of model.userTasks.values()) keys.add(task.formKey ?? '(none)');
  }
  const templatesDir = join(processesDir, 'element-templates-user-tasks');
  for (const file of readdirSync(templatesDir).filter((f) => f.endsWith('.json') && f !== 'schema.json')) {
    keys.add((JSON.parse(readFileSync(join(templatesDir, file), 'utf8')) as { formKey: string }).formKey);
  }
  expect([...keys].filter((key) => !INBOX_TASK_FORMS[key])).toEqual([]);
});

test('no task form or decision declares a variable the system sets, the contract tables included', () => {
  const contractNames = systemNamesOfContract;
  expect(contractNames).toEqual(expect.arrayContaining(['dossierId', 'dossierCode', 'agencyCode', 'dueAt']));
  const declared = [
    ...Object.values(INBOX_TASK_FORMS).flatMap((form) => Object.keys(form.fields)),
    ...Object.values(DECISION_FIELDS).flatMap((fields) => Object.keys(fields)),
  ];
  const system = new Set<string>(SYSTEM_VARIABLES);
  // missingComponents is both the scan's finding and the officer's supplement list (CONTRACT.md).
  for (const name of contractNames.filter((n) => n !== 'missingComponents'))
    expect(system.has(name)).toBe(true);
  expect(declared.filter((name) => system.has(name))).toEqual([]);
  // A reason a decision requires is one that decision declares.
  for (const [decision, names] of Object.entries(DECISION_REQUIRES)) {
    for (const name of names) expect(Object.keys(DECISION_FIELDS[decision] ?? {})).toContain(name);
  }
});

test('a shipped model: the review takes its routed decisions and their reasons; steps know the tasks before them', async () => {
  const xml = modelFiles().find((m) => m.folder === 'dang-ky-khai-sinh')!.xml;
  const model = await parseVersionModel(xml);
  const [processId] = [...model.userTasks.keys()][0]!.split('/');
  const review = model.userTasks.get(`${processId}/Review`)!;
  expect(review).toEqual({
    formKey: 'mot-cua:quyet-dinh-tham-dinh',
    decisions: ['approve', 'supplement', 'refuse'],
  });
  const allowed = taskVariables(review.formKey, review.decisions);
  expect(allowed.decisionRequired).toBe(true);
  expect(Object.keys(allowed.fields)).toEqual(['supplementReason', 'missingComponents', 'refusalReason']);
  const hand = model.userTasks.get(`${processId}/HandOverResult`)!;
  expect(Object.keys(taskVariables(hand.formKey, hand.decisions).fields)).toEqual([
    'returnChannel',
    'receivedBy',
  ]);

  const causes = (id: string) => model.causingTasks(processId!, id).sort();
  expect(causes('Refuse')).toEqual([`${processId}/Review`, `${processId}/Sign`]);
  expect(causes('RequestSupplement')).toEqual([`${processId}/Review`, `${processId}/Sign`]);
  expect(causes('ResultDelivered')).toEqual([`${processId}/HandOverResult`]);
  // A timer, a message or the filing leads there: the worker's own step.
  expect(causes('HandleOverdue')).toEqual([]);
  expect(causes('ResumeDeadline')).toEqual([]);
  expect(causes('Intake')).toEqual([]);
});

test('a designed task with a form key of its own takes only the decisions its gateway routes, with their reasons', async () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="x">
<bpmn:process id="designed" isExecutable="true">
<bpmn:startEvent id="Start" />
<bpmn:userTask id="Check"><bpmn:extensionElements><zeebe:formDefinition formKey="tinh:rieng" /></bpmn:extensionElements></bpmn:userTask>
<bpmn:exclusiveGateway id="Gate" />
<bpmn:serviceTask id="Deny" />
<bpmn:endEvent id="Done" />
<bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Check" />
<bpmn:sequenceFlow id="f2" sourceRef="Check" targetRef="Gate" />
<bpmn:sequenceFlow id="f3" sourceRef="Gate" targetRef="Done"><bpmn:conditionExpression>=decision = "approve"</bpmn:conditionExpression></bpmn:sequenceFlow>
<bpmn:sequenceFlow id="f4" sourceRef="Gate" targetRef="Deny"><bpmn:conditionExpression>=decision = "refuse"</bpmn:conditionExpression></bpmn:sequenceFlow>
</bpmn:process>
</bpmn:definitions>`;
  const model = await parseVersionModel(xml);
  const check = model.userTasks.get('designed/Check')!;
  expect(check).toEqual({ formKey: 'tinh:rieng', decisions: ['approve', 'refuse'] });
  expect(taskVariables(check.formKey, check.decisions)).toEqual({
    decisions: ['approve', 'refuse'],
    decisionRequired: true,
    fields: { refusalReason: DECISION_FIELDS.refuse!.refusalReason },
  });
  expect(model.causingTasks('designed', 'Deny')).toEqual(['designed/Check']);
  // No form and no gateway: nothing to set.
  expect(taskVariables(undefined, [])).toEqual({ decisions: [], decisionRequired: false, fields: {} });
});
