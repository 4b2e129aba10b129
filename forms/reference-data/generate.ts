// Regenerates the compact administrative-unit and nationality lists from the npm data packages.
// Run: `npm run build:reference-data`. The output JSON is committed so the browser bundle
// ships ~150 kB instead of the packages' 4 MB; tests/forms/reference-data.unit.test.ts fails on drift.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAdminUnits, buildNationalities } from './sources';

const here = import.meta.dirname;
const write = (name: string, value: unknown) =>
  writeFileSync(join(here, name), JSON.stringify(value, null, 2) + '\n', 'utf8');

const { provinces, communes } = buildAdminUnits();
write('provinces.json', provinces);
write('communes.json', communes);
write('nationalities.json', buildNationalities());
console.log(
  `provinces ${provinces.items.length}, communes ${Object.values(communes.byProvince).flat().length}`,
);
