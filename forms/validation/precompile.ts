// Regenerates forms/validation/compiled/validators.js: `npm run build:validators`.
// tests/forms/precompiled.unit.test.ts fails when a form or rule changed and this was not re-run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import { buildStandaloneModule } from './standalone';

async function main(): Promise<void> {
  const dir = join(import.meta.dirname, 'compiled');
  mkdirSync(dir, { recursive: true });
  const code = await format(buildStandaloneModule(), {
    parser: 'babel',
    printWidth: 110,
    singleQuote: true,
    trailingComma: 'all',
  });
  writeFileSync(join(dir, 'validators.js'), code, 'utf8');
  console.log(`wrote ${join(dir, 'validators.js')} (${Math.round(code.length / 1024)} KiB)`);
}

void main();
