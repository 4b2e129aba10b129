// The declaration form's renderers: light ones for the common kinds (text, number and integer fields, groups,
// vertical layouts) ahead of the given set, whose testers are skipped for the elements the light ones take.
import type { JsonFormsRendererRegistryEntry } from '@jsonforms/core';
import { lightTester, yieldingToLight } from './claim';
import { IntegerInputControl, NumberInputControl, TextInputControl } from './InputControl';
import { GroupLayout, VerticalLayout } from './layouts';

export const lightRenderers: JsonFormsRendererRegistryEntry[] = [
  { tester: lightTester('text'), renderer: TextInputControl },
  { tester: lightTester('number'), renderer: NumberInputControl },
  { tester: lightTester('integer'), renderer: IntegerInputControl },
  { tester: lightTester('group'), renderer: GroupLayout },
  { tester: lightTester('vertical'), renderer: VerticalLayout },
];

export const withLightRenderers = (others: JsonFormsRendererRegistryEntry[]) => [
  ...lightRenderers,
  ...others.map(yieldingToLight),
];

export { lightKind, LIGHT_RANK } from './claim';
