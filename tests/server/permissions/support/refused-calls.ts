// A refused call, checked the same way for every route: the status, an error body that carries nothing of the
// records behind it, every document of the store byte-for-byte as it was, and no command sent to the engine.
// roleMatrix derives the role refusals of a route group from its specs: signed out, each role the route does
// not admit, and a signed-in write with another session's CSRF token.
import { routeSpecs } from '../../../../server/api-schemas';
import type { RouteSpec } from '../../../../server/api-schemas/common';
import type { Role } from '../../../../processes/roles';
import type { ApiClient, ApiResponse } from '../../support/api-client';
import { storeChanges, storeSnapshot } from '../../support/store-snapshot';
import type { Caller, PermissionSystem } from './permission-system';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Resolvable<T, W> = T | ((world: W) => T);

/** A raw file body (document upload) or a multipart form (result documents); anything else is sent as JSON. */
export type CallBody = { file: Buffer; contentType: string } | FormData | Record<string, unknown>;

export interface RefusedCall<W> {
  who: Caller;
  what: string;
  method: Method;
  path: Resolvable<string, W>;
  body?: Resolvable<CallBody, W>;
  /** Send the CSRF token of this caller's session instead of the caller's own. */
  csrfFrom?: Caller;
  status: number;
}

const resolve = <T, W>(value: Resolvable<T, W>, world: W): T =>
  typeof value === 'function' ? (value as (w: W) => T)(world) : value;

/** Sends a call the way the web app does: the client's session cookie and CSRF token unless told otherwise. */
export async function send(
  system: PermissionSystem,
  client: ApiClient,
  method: Method,
  path: string,
  body?: CallBody,
  headers: Record<string, string> = {},
): Promise<ApiResponse> {
  const isFile = !!body && typeof body === 'object' && 'file' in body && Buffer.isBuffer(body.file);
  if (!(body instanceof FormData) && !isFile) return client.request(method, path, body, { headers });
  const raw = body as { file: Buffer; contentType: string };
  const response = await fetch(`${system.url}${path}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...(client.csrfToken ? { 'x-csrf-token': client.csrfToken } : {}),
      ...(isFile ? { 'content-type': raw.contentType } : {}),
      ...headers,
    },
    body: isFile ? new Uint8Array(raw.file) : (body as FormData),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // a PDF or a file
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

/**
 * The error body and nothing else: `{ error: { code, message, fields } }`, none of the `secrets` (applicant
 * names and numbers, record ids, file contents) anywhere in it.
 */
export function expectErrorOnly(response: ApiResponse, secrets: string[]): void {
  expect(response.headers.get('content-type') ?? '').toMatch(/^application\/json/);
  expect(Object.keys(response.body)).toEqual(['error']);
  expect(Object.keys(response.body.error).sort()).toEqual(['code', 'fields', 'message']);
  const text = JSON.stringify(response.body);
  for (const secret of secrets) expect(text).not.toContain(secret);
}

/**
 * One test per call. `context()` gives the running system, the file's fixtures and the strings a refusal must
 * never show; it is read when the test runs, after beforeAll built the fixtures.
 */
export function testRefusals<W>(
  context: () => { system: PermissionSystem; world: W; secrets: string[] },
  calls: RefusedCall<W>[],
): void {
  test.each(calls.map((call) => [call.who, call.what, call.status, call] as const))(
    '%s: %s → %i, store and engine untouched',
    async (_who, _what, status, call) => {
      const { system, world, secrets } = context();
      const before = await storeSnapshot();
      const engineCalls = system.engineCalls.length;
      const response = await send(
        system,
        system.as[call.who],
        call.method,
        resolve(call.path, world),
        call.body === undefined ? undefined : resolve(call.body, world),
        call.csrfFrom ? { 'x-csrf-token': system.as[call.csrfFrom].csrfToken! } : {},
      );
      if (response.status !== status) {
        throw new Error(
          `expected ${status}, got ${response.status}: ${JSON.stringify(response.body)?.slice(0, 600)}`,
        );
      }
      expectErrorOnly(response, secrets);
      expect(storeChanges(before, await storeSnapshot())).toEqual([]);
      expect(system.engineCalls.slice(engineCalls)).toEqual([]);
    },
  );
}

/** The account that stands for each role in the role refusals: all of Hoàn Kiếm's centre where they have one. */
export const roleHolder: Record<Role, Caller> = {
  admin: 'quantri',
  designer: 'thietke',
  officer: 'tiepnhan.hoankiem',
  leader: 'lanhdao.hoankiem',
  citizen: 'congdan',
};

type Groups = typeof routeSpecs;
/** The operations of a group that need a session: the ones a role matrix must cover. */
export type ProtectedOperation<G extends keyof Groups> = {
  [K in keyof Groups[G]]: Groups[G][K] extends { access: 'public' } ? never : K;
}[keyof Groups[G]];

export interface OperationCall<W> {
  path: (world: W) => string;
  /** A body the route would accept from an allowed caller, so only who is calling makes the difference. */
  body?: (world: W) => CallBody;
}

const unsafe = new Set(['post', 'put', 'patch', 'delete']);

/**
 * The role refusals of every protected operation of a group. A path (and a body) is required for each one:
 * a route added to the group does not compile here until its refusals are listed.
 */
export function roleMatrix<G extends keyof Groups, W>(
  group: G,
  operations: Record<ProtectedOperation<G>, OperationCall<W>>,
): RefusedCall<W>[] {
  const calls: RefusedCall<W>[] = [];
  for (const [key, call] of Object.entries(operations) as [string, OperationCall<W>][]) {
    const spec = (routeSpecs[group] as Record<string, RouteSpec>)[key]!;
    const method = spec.method.toUpperCase() as Method;
    const base = { method, path: call.path, ...(call.body ? { body: call.body } : {}) };
    const name = `${spec.method.toUpperCase()} ${spec.path}`;
    calls.push({ ...base, who: 'anonymous', what: `${name} signed out`, status: 401 });
    const admitted: readonly Role[] =
      spec.access === 'signed-in' || spec.access === 'public'
        ? (Object.keys(roleHolder) as Role[])
        : spec.access;
    if (spec.access !== 'signed-in' && spec.access !== 'public') {
      for (const role of Object.keys(roleHolder) as Role[]) {
        if (admitted.includes(role)) continue;
        calls.push({ ...base, who: roleHolder[role], what: `${name} as ${role}`, status: 403 });
      }
    }
    if (unsafe.has(spec.method)) {
      const allowed = roleHolder[admitted.includes('officer') ? 'officer' : admitted[0]!];
      calls.push({
        ...base,
        who: allowed,
        what: `${name} with another session's CSRF token`,
        // A valid token, of another user's session.
        csrfFrom: allowed === 'congdan' ? 'congdan2' : 'congdan',
        status: 403,
      });
    }
  }
  return calls;
}
