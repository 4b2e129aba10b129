// Jobs: creation for job-worker elements (user tasks included), activation, timeouts and back-off.
import { evaluateTyped, isExpression } from '../feel';
import type { ElementDef } from '../bpmn/model';
import type { Engine } from './engine';
import { IncidentError } from './engine';
import { Rejection } from './rejection';
import type { ElementInstance, Job } from './state';

export const USER_TASK_TYPE = 'io.camunda.zeebe:userTask';

function groupList(text: string, vars: Record<string, unknown>, field: string): string {
  if (isExpression(text)) {
    const value = evaluateTyped(text, 'ANY', vars);
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) {
      throw new IncidentError(
        'EXTRACT_VALUE_ERROR',
        `Expected result of the expression '${text.replace(/^=/, '')}' to be 'ARRAY' of strings for '${field}', but was '${JSON.stringify(value)}'.`,
      );
    }
    return JSON.stringify(list);
  }
  return JSON.stringify(
    text
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  );
}

function userTaskHeaders(engine: Engine, ei: ElementInstance, def: ElementDef): Record<string, string> {
  const ut = def.userTask ?? {};
  const vars = engine.visible(ei.key);
  const headers: Record<string, string> = {};
  if (ut.assignee) headers['io.camunda.zeebe:assignee'] = String(evaluateTyped(ut.assignee, 'STRING', vars));
  if (ut.candidateGroups) {
    headers['io.camunda.zeebe:candidateGroups'] = groupList(ut.candidateGroups, vars, 'candidateGroups');
  }
  if (ut.candidateUsers) {
    headers['io.camunda.zeebe:candidateUsers'] = groupList(ut.candidateUsers, vars, 'candidateUsers');
  }
  if (ut.dueDate) headers['io.camunda.zeebe:dueDate'] = String(evaluateTyped(ut.dueDate, 'STRING', vars));
  if (ut.followUpDate) {
    headers['io.camunda.zeebe:followUpDate'] = String(evaluateTyped(ut.followUpDate, 'STRING', vars));
  }
  if (ut.formKey) headers['io.camunda.zeebe:formKey'] = ut.formKey;
  if (ut.formId) {
    const formKey = engine.state.latestForm[ut.formId];
    if (formKey === undefined) {
      throw new IncidentError(
        'FORM_NOT_FOUND',
        `Expected to find a form with id '${ut.formId}', but no form with this id is found, at least a form with this id should be available.`,
      );
    }
    headers['io.camunda.zeebe:formKey'] = String(formKey);
  }
  return headers;
}

export function createJobFor(engine: Engine, ei: ElementInstance, def: ElementDef): void {
  const vars = engine.visible(ei.key);
  let type: string;
  let retries: number;
  let headers: Record<string, string>;
  if (def.type === 'userTask') {
    type = USER_TASK_TYPE;
    retries = 1;
    headers = { ...def.headers, ...userTaskHeaders(engine, ei, def) };
  } else {
    type = String(evaluateTyped(def.jobType ?? '', 'STRING', vars));
    retries = Number(evaluateTyped(def.jobRetries ?? '3', 'NUMBER', vars));
    headers = { ...def.headers };
  }
  const key = engine.nextKey();
  const job: Job = {
    key,
    type,
    state: 'ACTIVATABLE',
    retries,
    worker: '',
    deadline: -1,
    backoffUntil: 0,
    errorMessage: '',
    customHeaders: headers,
    elementInstanceKey: ei.key,
    elementId: ei.elementId,
    processInstanceKey: ei.processInstanceKey,
    processDefinitionKey: ei.processDefinitionKey,
    bpmnProcessId: ei.bpmnProcessId,
    version: ei.version,
    createdAt: engine.now,
  };
  engine.state.jobs[key] = job;
  ei.jobKey = key;
  makeActivatable(engine, job);
}

/** Jobs made activatable since the gateway last took them, oldest first: the ones Zeebe pushes to streams. */
const newlyActivatable = new WeakMap<Engine, number[]>();

export function makeActivatable(engine: Engine, job: Job): void {
  job.state = 'ACTIVATABLE';
  job.deadline = -1;
  job.worker = '';
  addActivatable(engine, job);
  engine.jobTypesAvailable.add(job.type);
  let keys = newlyActivatable.get(engine);
  if (!keys) newlyActivatable.set(engine, (keys = []));
  keys.push(job.key);
}

/** The keys of the jobs made activatable since the last call (some may have been activated or ended since). */
export function takeNewlyActivatable(engine: Engine): number[] {
  const keys = newlyActivatable.get(engine) ?? [];
  newlyActivatable.delete(engine);
  return keys;
}

function addActivatable(engine: Engine, job: Job): void {
  let set = engine.activatable.get(job.type);
  if (!set) engine.activatable.set(job.type, (set = new Set()));
  set.add(job.key);
}

export function removeActivatable(engine: Engine, job: Job): void {
  engine.activatable.get(job.type)?.delete(job.key);
}

export function cancelJob(engine: Engine, jobKey: number): void {
  const job = engine.state.jobs[jobKey];
  if (!job) return;
  removeActivatable(engine, job);
  delete engine.state.jobs[jobKey];
}

/** Activation: the oldest activatable jobs of the type, up to max; or those of `only` still activatable. */
export function activateJobs(
  engine: Engine,
  type: string,
  worker: string,
  timeout: number,
  max: number,
  only?: number[],
): Job[] {
  const set = engine.activatable.get(type);
  if (!set || set.size === 0) return [];
  const keys = only
    ? only.filter((key) => set.has(key)).slice(0, max)
    : [...set].sort((a, b) => a - b).slice(0, max);
  return keys.map((key) => {
    const job = engine.state.jobs[key] as Job;
    set.delete(key);
    job.state = 'ACTIVATED';
    job.worker = worker;
    job.deadline = engine.now + timeout;
    engine.jobQueue.push(job.deadline, job.key);
    return job;
  });
}

/** When the job is due to come back: its activation's time-out or the end of its back-off (Infinity: never). */
function comesBackAt(job: Job): number {
  if (job.state === 'ACTIVATED') return job.deadline;
  if (job.state === 'FAILED' && job.retries > 0 && job.backoffUntil > 0) return job.backoffUntil;
  return Infinity;
}

/** Queues a failed job's back-off end (engine.jobQueue, ordered by due time). */
export function queueBackoff(engine: Engine, job: Job): void {
  engine.jobQueue.push(job.backoffUntil, job.key);
}

function jobEntryValid(engine: Engine, due: number, key: number): boolean {
  const job = engine.state.jobs[key];
  return job !== undefined && comesBackAt(job) === due;
}

/** Timed-out activations and finished back-offs become activatable again. */
export function releaseDueJobs(engine: Engine): void {
  for (;;) {
    const next = engine.jobQueue.peek((due, key) => jobEntryValid(engine, due, key));
    if (!next || next.due > engine.now) return;
    engine.jobQueue.pop();
    const job = engine.state.jobs[next.key] as Job;
    if (job.state === 'FAILED') job.backoffUntil = 0;
    makeActivatable(engine, job);
  }
}

/** UpdateJobTimeout: an activated job's deadline moves to now + timeout (Zeebe's JobIntent.UPDATE_TIMEOUT). */
export function updateJobTimeout(engine: Engine, jobKey: number, timeout: number): void {
  const job = engine.state.jobs[jobKey];
  if (!job) {
    throw new Rejection(
      'NOT_FOUND',
      'UPDATE_TIMEOUT',
      `Expected to update job with key '${jobKey}', but no such job was found`,
    );
  }
  if (job.state !== 'ACTIVATED') {
    throw new Rejection(
      'INVALID_STATE',
      'UPDATE_TIMEOUT',
      `Expected to update the timeout of job with key '${jobKey}', but it is not active`,
    );
  }
  job.deadline = engine.now + timeout;
  // The entry of the old deadline is skipped as stale (jobEntryValid); this one is the job's time-out now.
  engine.jobQueue.push(job.deadline, job.key);
}

export function nextJobDue(engine: Engine): number {
  return engine.jobQueue.peek((due, key) => jobEntryValid(engine, due, key))?.due ?? Infinity;
}

export function rebuildJobQueue(engine: Engine): void {
  engine.jobQueue.clear();
  for (const job of Object.values(engine.state.jobs)) {
    const due = comesBackAt(job);
    if (due !== Infinity) engine.jobQueue.push(due, job.key);
  }
}

export function rebuildActivatable(engine: Engine): void {
  engine.activatable.clear();
  for (const job of Object.values(engine.state.jobs))
    if (job.state === 'ACTIVATABLE') addActivatable(engine, job);
}
