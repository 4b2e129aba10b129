// The officers' inbox: user tasks of the caller's agency, claimed and completed through the API.
import { okResponse, strictObject, text, type RouteSpec } from './common';

const idParam = strictObject({ id: { type: 'string', pattern: '^[0-9a-f]{24}$' } }, ['id']);

export interface ListTasksQuery {
  state: 'open' | 'completed';
  mine?: 'true' | 'false';
  group?: string;
}

export interface CompleteTaskBody {
  variables: Record<string, unknown>;
}

export const taskRoutes = {
  list: {
    operationId: 'listTasks',
    method: 'get',
    path: '/api/tasks',
    summary: "The caller's agency's tasks for the caller's groups (or claimed by the caller), due first",
    tag: 'tasks',
    access: ['officer', 'leader'],
    query: {
      type: 'object',
      additionalProperties: false,
      properties: {
        state: { type: 'string', enum: ['open', 'completed'], default: 'open' },
        mine: { type: 'string', enum: ['true', 'false'] },
        group: text(40),
      },
    },
    responses: { 200: okResponse('Tasks') },
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
          properties: {
            decision: { type: 'string', enum: ['approve', 'supplement', 'refuse', 'return'] },
            refusalReason: text(2000),
            supplementReason: text(2000),
            missingComponents: { type: 'array', maxItems: 50, items: text(100) },
          },
        },
      },
      ['variables'],
    ),
    responses: { 200: okResponse('The completed task'), 409: okResponse('Stale task: nothing changed') },
  },
} satisfies Record<string, RouteSpec>;
