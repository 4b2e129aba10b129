// Một cửa renderers for @jsonforms/material-renderers 3.8 + MUI 7. Use them ahead of the material set:
// renderers={[...motcuaRenderers, ...materialRenderers]} cells={[...motcuaCells, ...materialCells]}.
import type { JsonFormsCellRendererRegistryEntry, JsonFormsRendererRegistryEntry } from '@jsonforms/core';
import AdminUnitControl from './AdminUnitControl';
import CccdControl from './CccdControl';
import DateControl from './DateControl';
import MoneyControl from './MoneyControl';
import RefDataControl from './RefDataControl';
import { DateCell, MoneyCell, RefDataCell } from './cells';
import { adminUnitTester, cccdTester, dateTester, moneyTester, refDataTester } from './testers';

export const motcuaRenderers: JsonFormsRendererRegistryEntry[] = [
  { tester: cccdTester, renderer: CccdControl },
  { tester: adminUnitTester, renderer: AdminUnitControl },
  { tester: refDataTester, renderer: RefDataControl },
  { tester: moneyTester, renderer: MoneyControl },
  { tester: dateTester, renderer: DateControl },
];

/** Table cells (arrays of objects rendered as tables) for the same field kinds. */
export const motcuaCells: JsonFormsCellRendererRegistryEntry[] = [
  { tester: refDataTester, cell: RefDataCell },
  { tester: moneyTester, cell: MoneyCell },
  { tester: dateTester, cell: DateCell },
];

export { createMotcuaI18n } from './i18n';
export { adminUnitTester, cccdTester, dateTester, moneyTester, refDataTester } from './testers';
export { displayToIsoDate, formatVnd, isoToDisplayDate, parseVnd } from './formats';
