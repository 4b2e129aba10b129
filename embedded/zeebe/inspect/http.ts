// Inspection API (the role Operate plays for Zeebe): read-only JSON views plus the controlled clock. It shows
// every instance's variables, so it answers only a loopback Host (a page on a rebound DNS name gets 403) and
// a request bearing its token (401 otherwise).
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { Runtime } from '../runtime';
import { ControlledClock } from '../clock';
import * as views from './views';

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(text);
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  const value = JSON.parse(text) as unknown;
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new SyntaxError('body phải là một đối tượng JSON');
  return value as Record<string, unknown>;
}

const loopbackHost = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i;

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Compared as digests, so neither the length nor the bytes of the token leak through timing. */
function bearsToken(req: http.IncomingMessage, token: Buffer): boolean {
  const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  return match !== null && timingSafeEqual(digest(match[1] as string), token);
}

export function createInspectServer(runtime: Runtime, token: string): http.Server {
  const tokenDigest = digest(token);
  return http.createServer((req, res) => {
    if (!loopbackHost.test(req.headers.host ?? ''))
      return send(res, 403, { error: `Host '${req.headers.host ?? ''}' không phải địa chỉ loopback` });
    if (!bearsToken(req, tokenDigest)) {
      res.setHeader('www-authenticate', 'Bearer');
      return send(res, 401, { error: 'cần mã truy cập (Authorization: Bearer <token>)' });
    }
    void handle(runtime, req, res).catch((error: unknown) => {
      send(res, 400, { error: (error as Error).message });
    });
  });
}

async function handle(runtime: Runtime, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const parts = url.pathname.split('/').filter(Boolean);
  const engine = runtime.engine;
  if (req.method === 'GET') {
    if (parts[0] === 'process-definitions' && parts.length === 1)
      return send(res, 200, views.definitions(engine));
    if (parts[0] === 'process-definitions' && parts[2] === 'xml') {
      const def = engine.state.processes[Number(parts[1])];
      if (!def) return send(res, 404, { error: `không có định nghĩa quy trình với key '${parts[1]}'` });
      res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' });
      res.end(def.xml);
      return;
    }
    if (parts[0] === 'process-instances' && parts.length === 1) {
      return send(
        res,
        200,
        views.instances(
          engine,
          url.searchParams.get('bpmnProcessId') ?? undefined,
          url.searchParams.get('state') ?? undefined,
        ),
      );
    }
    if (parts[0] === 'process-instances' && parts.length === 2) {
      const view = views.instance(engine, Number(parts[1]));
      return view
        ? send(res, 200, view)
        : send(res, 404, { error: `không có phiên bản quy trình với key '${parts[1]}'` });
    }
    if (parts[0] === 'incidents') return send(res, 200, views.incidents(engine));
    if (parts[0] === 'jobs') return send(res, 200, views.jobs(engine));
    if (parts[0] === 'messages' && parts[1] === 'subscriptions')
      return send(res, 200, views.subscriptions(engine));
    if (parts[0] === 'messages' && parts.length === 1)
      return send(res, 200, Object.values(engine.state.messages));
    if (parts[0] === 'timers') return send(res, 200, Object.values(engine.state.timers));
    if (parts[0] === 'clock') return send(res, 200, { mode: runtime.clock.mode, now: runtime.now() });
  }
  if (req.method === 'POST' && parts[0] === 'clock' && (parts[1] === 'advance' || parts[1] === 'set')) {
    const clock = runtime.clock;
    if (!(clock instanceof ControlledClock)) {
      return send(res, 409, { error: 'đồng hồ chỉ điều khiển được khi engine chạy với --clock controlled' });
    }
    const body = await readJson(req);
    try {
      if (parts[1] === 'advance') clock.advance(Number(body.ms));
      else clock.set(typeof body.now === 'string' ? Date.parse(body.now) : Number(body.now));
    } catch (error) {
      return send(res, 400, { error: (error as Error).message });
    }
    runtime.tick();
    await runtime.durable();
    return send(res, 200, { mode: clock.mode, now: runtime.now() });
  }
  send(res, 404, { error: `không có đường dẫn ${req.method ?? ''} ${url.pathname}` });
}
