// The response check on a tiny express app over HTTP: answers that match their schema pass, a mismatch is logged
// with the operation, the status and ajv's paths and, in reject mode, answered 500; routes without schemas pass.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import type { RouteSpec } from '../../../server/api-schemas/common';
import { fileResponse, okResponse, strictObject } from '../../../server/api-schemas/common';
import type { ResponseCheck } from '../../../server/config/load-config';
import { createLogger } from '../../../server/config/logger';
import { errorHandler } from '../../../server/errors/error-handler';
import { conflict } from '../../../server/errors/api-error';
import { enableResponseCheck } from '../../../server/http/response-check';
import { mountRoute, type Handler } from '../../../server/http/route';

const answer = strictObject(
  {
    code: { type: 'string' },
    count: { type: 'integer' },
    at: { type: 'string', format: 'date-time' },
  },
  ['code', 'count'],
);

const spec = (operationId: string, responses: RouteSpec['responses']): RouteSpec => ({
  operationId,
  method: 'get',
  path: `/api/${operationId}`,
  summary: operationId,
  tag: 'test',
  access: 'public',
  responses,
});

const routes: [RouteSpec, Handler][] = [
  [
    spec('good', { 200: okResponse('ok', answer) }),
    (_q, res) => res.json({ code: 'A', count: 1, at: new Date() }),
  ],
  [spec('wrongType', { 200: okResponse('ok', answer) }), (_q, res) => res.json({ code: 'A', count: '1' })],
  [
    spec('extraField', { 200: okResponse('ok', answer) }),
    (_q, res) => res.json({ code: 'A', count: 1, x: 1 }),
  ],
  [
    spec('badDate', { 200: okResponse('ok', answer) }),
    (_q, res) => res.json({ code: 'A', count: 1, at: 'hôm qua' }),
  ],
  [
    spec('undeclared', { 200: okResponse('ok', answer) }),
    (_q, res) => res.status(201).json({ code: 'A', count: 1 }),
  ],
  [spec('unchecked', { 200: okResponse('ok') }), (_q, res) => res.json({ anything: true })],
  [spec('refused', { 200: okResponse('ok', answer) }), () => Promise.reject(conflict('task_gone'))],
  [spec('wrongError', { 200: okResponse('ok') }), (_q, res) => res.status(409).json({ message: 'đã có' })],
  [spec('binary', { 200: fileResponse('PDF', 'application/pdf') }), (_q, res) => res.json({ pdf: 'no' })],
  [
    spec('downWithParts', { 200: okResponse('ok', answer), 503: okResponse('down', answer) }),
    (_q, res) => res.status(503).json({ code: 'down', count: 0 }),
  ],
  [
    spec('downWrongParts', { 200: okResponse('ok', answer), 503: okResponse('down', answer) }),
    (_q, res) => res.status(503).json({ code: 'down' }),
  ],
  [
    { ...spec('signedIn', { 200: okResponse('ok', answer) }), access: 'signed-in' },
    (_q, res) => res.json({ code: 'A', count: 1 }),
  ],
];

async function serve(mode: ResponseCheck) {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('error', (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  const app: Express = express();
  app.use((_req, res, next) => {
    res.locals.requestId = 'test-request';
    res.locals.ctx = { requestId: 'test-request', lang: 'vi' };
    next();
  });
  if (mode !== 'off') app.use(enableResponseCheck({ mode, logger }));
  const router = express.Router();
  for (const [routeSpec, handler] of routes) mountRoute(router, routeSpec, handler);
  app.use(router);
  app.use(errorHandler(logger));
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (name: string) => {
    const response = await fetch(`${base}/api/${name}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { get, lines, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('response check, reject mode (the tests)', () => {
  let app: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    app = await serve('reject');
  });
  afterAll(() => app.close());
  beforeEach(() => app.lines.splice(0));

  it('lets an answer that matches its schema through, dates as sent', async () => {
    const { status, body } = await app.get('good');
    expect(status).toBe(200);
    expect(body).toMatchObject({ code: 'A', count: 1 });
    expect(app.lines).toEqual([]);
  });

  it.each([
    ['wrongType', 200, '/count', 'type'],
    ['extraField', 200, '', 'additionalProperties'],
    ['badDate', 200, '/at', 'format'],
    ['wrongError', 409, '', 'additionalProperties'],
  ])('answers 500 for %s and logs operation, status and ajv path', async (name, sent, path, keyword) => {
    const { status, body } = await app.get(name);
    expect(status).toBe(500);
    expect(body).toEqual({
      error: {
        code: 'response_schema_mismatch',
        message: `Lỗi hệ thống: câu trả lời của thao tác ${name} không đúng mẫu đã công bố`,
        fields: [],
      },
    });
    expect(app.lines).toHaveLength(1);
    expect(app.lines[0]).toMatchObject({
      level: 'error',
      message: 'answer does not match its response schema',
      requestId: 'test-request',
      operationId: name,
      status: sent,
      reason: 'schema mismatch',
      errors: expect.arrayContaining([expect.objectContaining({ instancePath: path, keyword })]),
    });
  });

  it('refuses a status the operation does not declare, and JSON where a file is declared', async () => {
    expect((await app.get('undeclared')).status).toBe(500);
    expect((await app.get('binary')).status).toBe(500);
    expect(app.lines.map((line) => [line.operationId, line.reason])).toEqual([
      ['undeclared', 'status 201 is not declared'],
      ['binary', 'declared as application/pdf, answered JSON'],
    ]);
  });

  it('checks the error handler’s answers against the error schema, refused access included', async () => {
    expect(await app.get('refused')).toMatchObject({ status: 409, body: { error: { code: 'task_gone' } } });
    expect(await app.get('signedIn')).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthenticated' } },
    });
    expect(app.lines).toEqual([]);
  });

  it('checks a failure status against its own declared schema where the operation has one (health’s 503)', async () => {
    expect(await app.get('downWithParts')).toEqual({ status: 503, body: { code: 'down', count: 0 } });
    expect((await app.get('downWrongParts')).status).toBe(500);
    expect(app.lines.map((line) => [line.operationId, line.reason])).toEqual([
      ['downWrongParts', 'schema mismatch'],
    ]);
  });

  it('leaves an operation without a response schema unchecked', async () => {
    expect(await app.get('unchecked')).toEqual({ status: 200, body: { anything: true } });
    expect(app.lines).toEqual([]);
  });
});

describe('response check, log and off modes', () => {
  it('logs a mismatch and still sends the answer in log mode (development)', async () => {
    const app = await serve('log');
    try {
      expect(await app.get('wrongType')).toEqual({ status: 200, body: { code: 'A', count: '1' } });
      expect(app.lines).toEqual([expect.objectContaining({ operationId: 'wrongType', status: 200 })]);
    } finally {
      await app.close();
    }
  });

  it('checks nothing when off (production default)', async () => {
    const app = await serve('off');
    try {
      expect(await app.get('wrongType')).toEqual({ status: 200, body: { code: 'A', count: '1' } });
      expect(app.lines).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
