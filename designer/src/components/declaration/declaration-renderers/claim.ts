// Which fields of a declaration form the light renderers take, decided once per UI-schema element.
//
// JSON Forms picks a renderer by calling every registered tester on every element, and most testers resolve the
// control's schema from the root again (lodash isEmpty over the `properties` object at each step, which V8 walks
// key by key once an object has more than ~128 properties): on a 200-field form that was ~40 resolutions per
// field and ~15 % of the first render. Here the element's schema is resolved once and remembered; the other
// renderers' testers answer NOT_APPLICABLE without running for an element a light renderer has claimed (it
// outranks them all, so the choice is the one JSON Forms would have made).
import {
  NOT_APPLICABLE,
  resolveSchema,
  type JsonFormsRendererRegistryEntry,
  type JsonSchema,
  type RankedTester,
  type TesterContext,
  type UISchemaElement,
} from '@jsonforms/core';

export type LightKind = 'text' | 'number' | 'integer' | 'group' | 'vertical';

/** Above the Một cửa renderers (10) and JSON Forms' material set (at most 5). */
export const LIGHT_RANK = 50;

/** Keywords with a renderer of their own (forms/renderers: cccd, adminUnit, refData, money) or a kind the
 * light input does not render (choices, combinators, formats such as date or email, nested values). */
const foreignKeywords = [
  'cccd',
  'adminUnit',
  'refData',
  'money',
  'enum',
  'const',
  'oneOf',
  'anyOf',
  'allOf',
  'format',
  'properties',
  'items',
];

/** UI-schema options the light input honours; any other option leaves the field to the renderer made for it. */
const knownOptions = new Set(['hideRequiredAsterisk', 'showUnfocusedDescription', 'restrict', 'focus']);

interface Claim {
  schema: JsonSchema;
  rootSchema: JsonSchema | undefined;
  kind: LightKind | undefined;
}

const claims = new WeakMap<UISchemaElement, Claim>();

function inputKind(resolved: JsonSchema | undefined): LightKind | undefined {
  if (!resolved || typeof resolved !== 'object') return undefined;
  const record = resolved as Record<string, unknown>;
  for (const keyword of foreignKeywords) {
    if (Object.prototype.hasOwnProperty.call(record, keyword) && record[keyword] !== false) return undefined;
  }
  switch (resolved.type) {
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'integer':
      return 'integer';
    default:
      return undefined;
  }
}

const plainStep = /^[^/~%]+$/;

/** A `#/properties/a/properties/b` scope walked with own-property lookups; anything else ($ref on the way, escapes,
 * combinators, a missing step) goes to JSON Forms' resolveSchema, which handles it. */
function resolveScope(schema: JsonSchema, scope: string, rootSchema: JsonSchema): JsonSchema | undefined {
  const segments = scope.startsWith('#/') ? scope.slice(2).split('/') : [];
  let current: unknown = schema;
  for (let i = 0; i + 1 < segments.length && current; i += 2) {
    const [keyword, name] = [segments[i]!, segments[i + 1]!];
    const properties = (current as { properties?: Record<string, unknown> }).properties;
    if (keyword !== 'properties' || !plainStep.test(name) || '$ref' in (current as object) || !properties) {
      current = undefined;
      break;
    }
    current = Object.prototype.hasOwnProperty.call(properties, name) ? properties[name] : undefined;
  }
  const direct =
    segments.length > 0 && segments.length % 2 === 0 && current && typeof current === 'object'
      ? (current as JsonSchema)
      : undefined;
  return direct && !('$ref' in direct) ? direct : resolveSchema(schema, scope, rootSchema);
}

function decide(uischema: UISchemaElement, schema: JsonSchema, rootSchema: JsonSchema | undefined) {
  const options = uischema.options;
  if (options && Object.keys(options).some((key) => !knownOptions.has(key))) return undefined;
  if (uischema.type === 'Group') return 'group';
  if (uischema.type === 'VerticalLayout') return 'vertical';
  const scope = (uischema as { scope?: unknown }).scope;
  if (uischema.type !== 'Control' || typeof scope !== 'string') return undefined;
  return inputKind(resolveScope(schema, scope, rootSchema ?? schema));
}

/** The light kind of an element under a schema (remembered per element until its schema changes). */
export function lightKind(
  uischema: UISchemaElement | undefined,
  schema: JsonSchema | undefined,
  context: TesterContext | undefined,
): LightKind | undefined {
  if (!uischema || typeof uischema !== 'object' || !schema) return undefined;
  const known = claims.get(uischema);
  if (known && known.schema === schema && known.rootSchema === context?.rootSchema) return known.kind;
  const kind = decide(uischema, schema, context?.rootSchema);
  claims.set(uischema, { schema, rootSchema: context?.rootSchema, kind });
  return kind;
}

export const lightTester =
  (...kinds: LightKind[]): RankedTester =>
  (uischema, schema, context) => {
    const kind = lightKind(uischema, schema, context);
    return kind && kinds.includes(kind) ? LIGHT_RANK : NOT_APPLICABLE;
  };

/** Another renderer's entry, its tester skipped for elements a light renderer has claimed. */
export const yieldingToLight = (entry: JsonFormsRendererRegistryEntry): JsonFormsRendererRegistryEntry => ({
  tester: (uischema, schema, context) =>
    lightKind(uischema, schema, context) ? NOT_APPLICABLE : entry.tester(uischema, schema, context),
  renderer: entry.renderer,
});
