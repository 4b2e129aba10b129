// Builds the OpenAPI 3.1 document from the same route specs the router mounts and validates with.
import { allRouteSpecs } from './index';
import { errorResponseSchema, type JsonSchema, type RouteSpec } from './common';

export const toOpenApiPath = (expressPath: string) => expressPath.replace(/:([A-Za-z_]\w*)/g, '{$1}');

function parameters(spec: RouteSpec) {
  const list: Record<string, unknown>[] = [];
  for (const [where, schema] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    const properties = (schema?.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema?.required as string[] | undefined) ?? []);
    for (const [name, property] of Object.entries(properties)) {
      list.push({ name, in: where, required: where === 'path' || required.has(name), schema: property });
    }
  }
  return list;
}

function operation(spec: RouteSpec) {
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(spec.responses)) {
    // A failure answers the error shape unless the operation declares its own (health's 503 reports the parts).
    const content = response.schema
      ? { 'application/json': { schema: response.schema } }
      : Number(status) >= 400
        ? { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
        : response.contentTypes
          ? Object.fromEntries(response.contentTypes.map((type) => [type, {}]))
          : undefined;
    responses[status] = { description: response.description, ...(content ? { content } : {}) };
  }
  responses.default = {
    description: 'Error',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    tags: [spec.tag],
    ...(spec.access === 'public'
      ? { security: [] }
      : { 'x-roles': spec.access === 'signed-in' ? 'any' : spec.access }),
    parameters: parameters(spec),
    ...(spec.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: spec.body } } } }
      : {}),
    responses,
  };
}

export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of allRouteSpecs) {
    const path = toOpenApiPath(spec.path);
    paths[path] = { ...paths[path], [spec.method]: operation(spec) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Một cửa API',
      version: '0.1.0',
      description:
        'One-stop shop platform. Errors: `{ error: { code, message, fields: [{ path, message }] } }`, Vietnamese by default, ' +
        'English with `Accept-Language: en`. Sign in with POST /api/auth/login: the session is an httpOnly cookie; send the ' +
        'returned csrfToken as `X-CSRF-Token` on every signed-in POST/PUT/PATCH/DELETE.',
    },
    servers: [{ url: '/' }],
    components: {
      schemas: { Error: errorResponseSchema },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'motcua_session' } },
    },
    security: [{ session: [] }],
    paths,
  };
}
