// Every protected operation of the API has its permissions tested: the router mounts only the route specs
// (through mountRoute), the OpenAPI document describes exactly those, and every group of specs with an
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

test('routes are mounted only through mountRoute, so the specs list every operation', () => {
  const direct = /\b(router|app)\.(get|post|put|patch|delete|all|use)\(/;
  const files = [...read('server/routes', /\.ts$/), ...read('server/http', /\.ts$/)];
  expect(files.filter((file) => direct.test(file.text)).map((file) => file.name)).toEqual([]);
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
