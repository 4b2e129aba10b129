// Every protected operation of the API has its permissions tested: the router mounts only the route specs
// (through mountRoute; the one page outside /api is listed with its test), the OpenAPI document describes exactly those, and every group of specs with an
// operation that needs a session is the subject of a roleMatrix in one of the permission test files.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { allRouteSpecs, routeSpecs } from '../../../server/api-schemas';
import { buildOpenApiDocument, toOpenApiPath } from '../../../server/api-schemas/openapi-document';

const root = path.join(__dirname, '../../..');
const read = (dir: string, pattern: RegExp) =>
  readdirSync(path.join(root, dir))
    .filter((name) => pattern.test(name))
    .map((name) => ({ name, text: readFileSync(path.join(root, dir, name), 'utf8') }));

/** Routes outside /api, with their own access check and their own permission test. */
const pagesOutsideTheApi = {
  // GET /dev/mail, the mail catcher's page: administration.int.test.ts, "the mail catcher's page ...".
  'dev-mail-routes.ts': ["app.get('/dev/mail'"],
};

test('API routes are mounted only through mountRoute, so the specs list every operation', () => {
  const direct = /\b(router|app)\.(get|post|put|patch|delete|all|use)\(\s*('[^']*'|[^,)]*)/g;
  const files = [...read('server/routes', /\.ts$/), ...read('server/http', /\.ts$/)];
  const mounted = files.flatMap((file) =>
    [...file.text.matchAll(direct)].map((match) => [file.name, match[0]] as const),
  );
  const known = Object.entries(pagesOutsideTheApi).flatMap(([name, calls]) =>
    calls.map((call) => [name, call] as const),
  );
  expect(mounted).toEqual(known);
});

test('the OpenAPI document has the same operations as the specs, each public or with its roles', () => {
  const document = buildOpenApiDocument();
  const described = Object.entries(document.paths).flatMap(([where, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({ where, method, operation })),
  );
  expect(described.map((d) => `${d.method} ${d.where}`).sort()).toEqual(
    allRouteSpecs.map((s) => `${s.method} ${toOpenApiPath(s.path)}`).sort(),
  );
  for (const { operation } of described as { operation: Record<string, unknown> }[]) {
    expect('x-roles' in operation || (operation.security as unknown[] | undefined)?.length === 0).toBe(true);
  }
});

test('every group with a protected operation has a role matrix in a permission test file', () => {
  const tests = read('tests/server/permissions', /\.int\.test\.ts$/)
    .map((file) => file.text)
    .join('\n');
  const protectedGroups = Object.entries(routeSpecs)
    .filter(([, specs]) => Object.values(specs).some((spec) => spec.access !== 'public'))
    .map(([group]) => group);
  const matrices = [...tests.matchAll(/roleMatrix<'(\w+)'/g)].map((match) => match[1]);
  expect(protectedGroups.filter((group) => !matrices.includes(group))).toEqual([]);
});
