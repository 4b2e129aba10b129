// The officers' inbox: user tasks of the caller's agency, claimed and completed through the API.
import type { FromSchema } from 'json-schema-to-ts';
import { okResponse, strictObject, text, type RouteSpec } from './common';
import { processHealthSchema } from './dossiers';

/** How near its due date an open task is, as the inbox shows it (server/domain/task-inbox.ts decides it). */
export const URGENCIES = ['overdue', 'near-due', 'on-track', 'none'] as const;
export type Urgency = (typeof URGENCIES)[number];

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
      200: okResponse('Tasks', {
        type: 'object',
        required: ['items', 'counts'],
        properties: {
          items: {
            type: 'array',
            items: { type: 'object', properties: { processHealth: processHealthSchema } },
          },
          counts: { type: 'object' },
        },
      }),
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
      200: okResponse('The claimed task'),
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
      200: okResponse('The task, now unclaimed'),
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
      200: okResponse('The completed task'),
      400: okResponse('A variable the task does not declare, or of the wrong type or size: nothing changed'),
      409: okResponse('Stale task: nothing changed'),
    },
  },
} satisfies Record<string, RouteSpec>;

export type ListTasksQuery = FromSchema<typeof taskRoutes.list.query>;
export type CompleteTaskBody = FromSchema<typeof taskRoutes.complete.body>;
