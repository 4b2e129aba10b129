// The officers' inbox: user tasks of the caller's agency, claimed and completed through the API.
import type { FromSchema } from 'json-schema-to-ts';
import { okResponse, strictObject, text, type JsonSchema, type RouteSpec } from './common';
import {
  dateTime,
  dossierCode,
  objectId,
  processHealthView,
  procedureCode,
} from './responses/building-blocks';

/** How near its due date an open task is, as the inbox shows it (server/domain/task-inbox.ts decides it). */
export const URGENCIES = ['overdue', 'near-due', 'on-track', 'none'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** An inbox task as every task answer shows it (server/domain/task-view.ts). */
const taskSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    '_id',
    'name',
    'elementId',
    'bpmnProcessId',
    'dossierCode',
    'candidateGroups',
    'state',
    'createdAt',
  ],
  properties: {
    _id: objectId,
    name: { type: 'string' },
    elementId: { type: 'string' },
    bpmnProcessId: { type: 'string' },
    formKey: { type: 'string' },
    dossierCode,
    candidateGroups: { type: 'array', items: { type: 'string' } },
    assignee: { type: 'string', description: 'Username of the officer who claimed it' },
    dueAt: dateTime,
    followUpAt: dateTime,
    state: { enum: ['open', 'completed', 'cancelled'] },
    createdAt: dateTime,
    completedAt: dateTime,
  },
} as const satisfies JsonSchema;

/** A task of the inbox list: with its dossier's procedure and machine health, and, open, how near it is due. */
const inboxTaskSchema = {
  ...taskSchema,
  properties: {
    ...taskSchema.properties,
    procedure: {
      type: 'object',
      additionalProperties: false,
      required: ['code', 'name'],
      properties: { code: procedureCode, name: { type: 'string' } },
    },
    processHealth: processHealthView,
    urgency: { enum: URGENCIES },
    remainingWorkingDays: {
      type: 'integer',
      description: 'Working days after today up to the due day (0: due today; negative: late)',
    },
  },
} as const satisfies JsonSchema;

const count = { type: 'integer', minimum: 0 } as const;

const taskListAnswer = {
  type: 'object',
  additionalProperties: false,
  required: ['items', 'counts'],
  properties: {
    items: { type: 'array', items: inboxTaskSchema },
    counts: {
      type: 'object',
      additionalProperties: false,
      required: ['total', 'overdue', 'near-due', 'on-track', 'none', 'unclaimed'],
      properties: {
        total: count,
        overdue: count,
        'near-due': count,
        'on-track': count,
        none: count,
        unclaimed: count,
      },
    },
  },
} as const satisfies JsonSchema;

const idParam = strictObject({ id: { type: 'string', pattern: '^[0-9a-f]{24}$' } }, ['id']);

export const taskRoutes = {
  list: {
    operationId: 'listTasks',
    method: 'get',
    path: '/api/tasks',
    summary:
      "The caller's agency's tasks for the caller's groups (or claimed by the caller), due first; each with its " +
      "procedure, remaining working days and urgency (on-track, near-due, overdue, none), its dossier's " +
      'machine-health mark when it has one, plus counts per urgency',
    tag: 'tasks',
    access: ['officer', 'leader'],
    query: strictObject({
      state: { type: 'string', enum: ['open', 'completed'], default: 'open' },
      mine: { type: 'string', enum: ['true', 'false'] },
      group: text(40),
      // The procedure code of the task's dossier.
      procedure: text(40),
      // The due window in Vietnam's local days: overdue (past due), today (rest of today), week (by Sunday).
      due: { type: 'string', enum: ['overdue', 'today', 'week'] },
      // true: claimed by someone; false: waiting for a claim.
      claimed: { type: 'string', enum: ['true', 'false'] },
    }),
    responses: {
      200: okResponse('Tasks, at most 200, and the counts of all the filter selects', taskListAnswer),
    },
  },
  claim: {
    operationId: 'claimTask',
    method: 'post',
    path: '/api/tasks/:id/claim',
    summary: 'Claim an open task of your agency',
    tag: 'tasks',
    access: ['officer', 'leader'],
    params: idParam,
    body: strictObject({}),
    responses: {
      200: okResponse('The claimed task', taskSchema),
      409: okResponse('Already done, gone or claimed by another'),
    },
  },
  unclaim: {
    operationId: 'unclaimTask',
    method: 'post',
    path: '/api/tasks/:id/unclaim',
    summary: "Hand a claimed task back to its groups: its assignee, or a leader of the task's agency",
    tag: 'tasks',
    access: ['officer', 'leader'],
    params: idParam,
    body: strictObject({}),
    responses: {
      200: okResponse('The task, now unclaimed', taskSchema),
      403: okResponse('Claimed by another officer and the caller is not a leader of the agency'),
      404: okResponse('No such task in your agency'),
      409: okResponse('Already done, cancelled or being completed'),
    },
  },
  complete: {
    operationId: 'completeTask',
    method: 'post',
    path: '/api/tasks/:id/complete',
    summary: 'Complete a task with its form result (e.g. decision); 409 when the task is stale',
    tag: 'tasks',
    access: ['officer', 'leader'],
    params: idParam,
    body: strictObject(
      {
        variables: {
          type: 'object',
          maxProperties: 50,
          propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' },
          description:
            "Only the variables the task's model declares (processes/task-forms.ts: its form's fields, a decision " +
            "the gateway after it routes and that decision's reason), checked by type and size; any other name is " +
            'a 400 naming it',
        },
      },
      ['variables'],
    ),
    responses: {
      200: okResponse('The completed task', taskSchema),
      400: okResponse('A variable the task does not declare, or of the wrong type or size: nothing changed'),
      409: okResponse('Stale task: nothing changed'),
    },
  },
} satisfies Record<string, RouteSpec>;

export type ListTasksQuery = FromSchema<typeof taskRoutes.list.query>;
export type CompleteTaskBody = FromSchema<typeof taskRoutes.complete.body>;
export type TaskAnswer = FromSchema<typeof taskSchema>;
export type InboxTask = FromSchema<typeof inboxTaskSchema>;
export type TaskListAnswer = FromSchema<typeof taskListAnswer>;
