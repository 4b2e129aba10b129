// `npm run map:imports`: the import map of the application — how many imports go from each layer to each other
// layer (type-only imports counted apart), and the largest source files. Layers are the top-level folders, with
// server/ split into its sub-folders (`server` alone is its top files: app, main, logger). `-- --files` also lists each cross-layer import, `-- --largest N` sets the
// length of the size list. Reads the working tree as text; runs nothing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const appFolders = ['processes', 'forms', 'server', 'engine-worker', 'designer', 'embedded', 'scripts'];
const sourceFile = /\.(ts|tsx|mts|cts)$/;
const importPattern = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g;
const dynamicImportPattern = /import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(folder: string): string[] {
  const full = path.join(root, folder);
  const found: string[] = [];
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...sourceFiles(relative));
    else if (sourceFile.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(relative);
  }
  return found;
}

function layerOf(file: string): string {
  const parts = file.split(path.sep);
  if (parts[0] === 'server' && parts.length > 2) return `server/${parts[1]}`;
  return parts[0] ?? file;
}

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function importsOf(file: string): Edge[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const edges: Edge[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    if (!specifier.startsWith('.')) return;
    const target = path.relative(root, path.resolve(path.dirname(path.join(root, file)), specifier));
    if (target.startsWith('..')) return;
    edges.push({ from: file, to: target, typeOnly });
  };
  for (const match of text.matchAll(importPattern)) add(match[3] ?? '', Boolean(match[2]));
  for (const match of text.matchAll(dynamicImportPattern)) add(match[1] ?? '', false);
  return edges;
}

function main() {
  const args = process.argv.slice(2);
  const listFiles = args.includes('--files');
  const largestIndex = args.indexOf('--largest');
  const largest = largestIndex >= 0 ? Number(args[largestIndex + 1]) : 15;

  const files = appFolders.flatMap((folder) => sourceFiles(folder));
  const counts = new Map<string, { values: number; types: number; examples: string[] }>();
  for (const file of files) {
    for (const edge of importsOf(file)) {
      const from = layerOf(edge.from);
      const to = layerOf(edge.to);
      if (from === to) continue;
      const key = `${from} → ${to}`;
      const entry = counts.get(key) ?? { values: 0, types: 0, examples: [] };
      if (edge.typeOnly) entry.types += 1;
      else entry.values += 1;
      entry.examples.push(`${edge.from} → ${edge.to}${edge.typeOnly ? ' (type)' : ''}`);
      counts.set(key, entry);
    }
  }

  console.log(`Import map: ${files.length} source files; imports between layers (value imports + type-only)`);
  for (const key of [...counts.keys()].sort()) {
    const { values, types, examples } = counts.get(key)!;
    console.log(`  ${key.padEnd(48)} ${String(values).padStart(4)} + ${String(types).padStart(3)} type`);
    if (listFiles) for (const example of examples) console.log(`      ${example}`);
  }

  const sizes = files
    .map((file) => ({
      file,
      lines: readFileSync(path.join(root, file), 'utf8').split('\n').length,
      bytes: statSync(path.join(root, file)).size,
    }))
    .sort((a, b) => b.lines - a.lines);
  const median = sizes[Math.floor(sizes.length / 2)]?.lines ?? 0;
  console.log(`\nLargest source files (median ${median} lines):`);
  for (const { file, lines } of sizes.slice(0, largest))
    console.log(`  ${String(lines).padStart(5)}  ${file}`);
}

main();
