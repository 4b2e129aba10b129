// The schemas of a UI schema's rule conditions, by schema key: JSON Forms validates data against each of them
// (ajv.validate) to show or hide an element, so they are precompiled and generated along with the form's schema.
import { schemaKey } from './schema-key';

export function ruleConditionSchemas(
  element: unknown,
  into = new Map<string, object>(),
): Map<string, object> {
  if (typeof element !== 'object' || element === null) return into;
  const el = element as {
    rule?: { condition?: { schema?: object } };
    elements?: unknown[];
    options?: { detail?: unknown };
  };
  const schema = el.rule?.condition?.schema;
  if (schema) into.set(schemaKey(schema), schema);
  for (const child of el.elements ?? []) ruleConditionSchemas(child, into);
  ruleConditionSchemas(el.options?.detail, into);
  return into;
}
