// The process contract (processes/CONTRACT.md) read from its tables, so the tests check models against the
// document people edit rather than a copy of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processesDir } from './model-files';

export interface Contract {
  jobTypes: Map<string, { label: string; headers: string[] }>;
  variables: Set<string>;
  /** Exact message names, plus prefixes for rows like `lienthong.*`. */
  messages: { exact: Set<string>; prefixes: string[] };
}

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`CONTRACT.md không có mục '${heading}'`);
  const rest = markdown.slice(start + 3);
  const next = rest.indexOf('\n## ');
  return next < 0 ? rest : rest.slice(0, next);
}

function firstCells(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => /^\|\s*`/.test(line))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

function ticks(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
}

export function readContract(): Contract {
  const markdown = readFileSync(join(processesDir, 'CONTRACT.md'), 'utf8');
  const jobTypes = new Map<string, { label: string; headers: string[] }>();
  for (const [type, label, headers] of firstCells(section(markdown, 'Job types'))) {
    for (const name of ticks(type ?? ''))
      jobTypes.set(name, { label: label ?? '', headers: ticks(headers ?? '') });
  }
  const variables = new Set(
    firstCells(section(markdown, 'Process variables')).flatMap(([name]) => ticks(name ?? '')),
  );
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const [name] of firstCells(section(markdown, 'Messages'))) {
    for (const m of ticks(name ?? '')) {
      if (m.endsWith('*')) prefixes.push(m.slice(0, -1));
      else exact.add(m);
    }
  }
  return { jobTypes, variables, messages: { exact, prefixes } };
}
