// The project's declaration-form renderers ahead of JSON Forms' MUI set: the live preview, the workspace's
// declaration form and the web bench all render with these.
//
// Every control's dispatcher asks every tester (about 40) for its rank on each render, and JSON Forms re-renders
// all dispatchers on every data change; each tester resolves the control's scope in the schema again (in a
// 200-field form, most of the update after a keystroke, bench:web). A tester's rank depends only on the UI
// schema element and the schemas, which are never mutated (the form editor replaces them on each edit), so the
// rank is kept per (UI schema element, schema, root schema) and asked once.
import type { JsonSchema, RankedTester, TesterContext, UISchemaElement } from '@jsonforms/core';
import { materialCells, materialRenderers } from '@jsonforms/material-renderers';
import { motcuaCells, motcuaRenderers } from '../../../forms/renderers';

function rememberedRank(tester: RankedTester): RankedTester {
  const ranks = new WeakMap<UISchemaElement, WeakMap<JsonSchema, WeakMap<JsonSchema, number>>>();
  return (uischema: UISchemaElement, schema: JsonSchema, context: TesterContext) => {
    const root = context?.rootSchema ?? schema;
    if (![uischema, schema, root].every((key) => typeof key === 'object' && key !== null))
      return tester(uischema, schema, context);
    let bySchema = ranks.get(uischema);
    if (!bySchema) ranks.set(uischema, (bySchema = new WeakMap()));
    let byRoot = bySchema.get(schema);
    if (!byRoot) bySchema.set(schema, (byRoot = new WeakMap()));
    let rank = byRoot.get(root);
    if (rank === undefined) byRoot.set(root, (rank = tester(uischema, schema, context)));
    return rank;
  };
}

export const previewRenderers = [...motcuaRenderers, ...materialRenderers].map((entry) => ({
  ...entry,
  tester: rememberedRank(entry.tester),
}));
export const previewCells = [...motcuaCells, ...materialCells].map((entry) => ({
  ...entry,
  tester: rememberedRank(entry.tester),
}));
