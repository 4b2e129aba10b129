import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// The modules the server and the Vite bundle both load must not reach Node built-ins; the generators
// (reference-data/generate.ts, sources.ts, validation/precompile.ts, standalone.ts) are Node-only tools.
const formsDir = resolve(__dirname, '../../forms');
const ENTRY_POINTS = ['registry.ts', 'validation/index.ts', 'reference-data/index.ts', 'renderers/index.ts'];
const NODE_BUILTINS = /^(node:|fs$|path$|os$|crypto$|child_process$|url$|util$|stream$|http$|module$)/;

function localImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

function resolveLocal(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

describe('forms modules are browser-safe', () => {
  it('reach no Node built-in from the shared entry points', () => {
    const seen = new Set<string>();
    const offenders: string[] = [];
    const queue = ENTRY_POINTS.map((p) => join(formsDir, p));
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const spec of localImports(file)) {
        if (NODE_BUILTINS.test(spec)) offenders.push(`${relative(formsDir, file)} → ${spec}`);
        if (spec.startsWith('.')) {
          const target = resolveLocal(file, spec);
          if (target && /\.(ts|tsx|js)$/.test(target)) queue.push(target);
        }
      }
    }
    expect(offenders).toEqual([]);
    // The walk did cover the module graph (validation, renderers, the precompiled validators).
    const walked = [...seen].map((f) => relative(formsDir, f));
    expect(walked).toEqual(
      expect.arrayContaining(['validation/compiled/validators.js', 'renderers/AdminUnitControl.tsx']),
    );
    expect(walked.some((f) => /(generate|sources|precompile|standalone)\.ts$/.test(f))).toBe(false);
  });

  it('ships every form as static JSON next to its folder', () => {
    const folders = readdirSync(formsDir).filter(
      (d) => statSync(join(formsDir, d)).isDirectory() && d.includes('-'),
    );
    for (const folder of folders.filter((f) => f !== 'reference-data')) {
      for (const file of ['form.json', 'schema.json', 'uischema.json', 'labels.en.json']) {
        expect(() => JSON.parse(readFileSync(join(formsDir, folder, file), 'utf8'))).not.toThrow();
      }
    }
    expect(folders.length).toBeGreaterThanOrEqual(9);
  });
});
