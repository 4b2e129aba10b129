// FEEL functions Zeebe 8.3 (FEEL-Scala 1.17 + Camunda extensions) offers that feelin lacks. Injected through the
// evaluation context: feelin resolves `name(args)` against context entries, spaced names included.
import { randomUUID } from 'node:crypto';
import { dateAndTime, FeelDuration, parseDate } from 'feelin';

type Fn = (...args: unknown[]) => unknown;

/**
 * feelin reads a JS function's parameter names from its source unless `$args` gives them, and needs them in
 * parentheses; esbuild (tsx, so `npm start`) prints `(value) => …` as `value=>…`, which it cannot read.
 */
function withParameters(functions: Record<string, Fn>): Record<string, Fn> {
  for (const fn of Object.values(functions)) {
    const source = fn.toString();
    const list = /^\(([^)]*)\)/.exec(source)?.[1] ?? /^([\w$]+)\s*=>/.exec(source)?.[1] ?? '';
    Object.assign(fn, {
      $args: list
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    });
  }
  return functions;
}

function isBlankString(value: unknown): boolean {
  return typeof value === 'string' && value.trim() === '';
}

export function extraFunctions(nowMs: () => number): Record<string, Fn> {
  return withParameters({
    now: () => dateAndTime(new Date(nowMs()).toISOString()),
    today: () => parseDate(new Date(nowMs()).toISOString().slice(0, 10)),
    'is defined': (value: unknown) => value !== null && value !== undefined,
    'get or else': (value: unknown, fallback: unknown) => value ?? fallback,
    assert: (value: unknown, condition: unknown) => (condition === true ? value : null),
    'is empty': (list: unknown) => (Array.isArray(list) ? list.length === 0 : null),
    'is blank': (value: unknown) => (typeof value === 'string' ? isBlankString(value) : null),
    trim: (value: unknown) => (typeof value === 'string' ? value.trim() : null),
    uuid: () => randomUUID(),
    'to base64': (value: unknown) =>
      typeof value === 'string' ? Buffer.from(value, 'utf8').toString('base64') : null,
    'from base64': (value: unknown) =>
      typeof value === 'string' ? Buffer.from(value, 'base64').toString('utf8') : null,
    'duplicate values': (list: unknown) => {
      if (!Array.isArray(list)) return null;
      const seen = new Set<string>();
      const dup = new Map<string, unknown>();
      for (const item of list) {
        const key = JSON.stringify(item);
        if (seen.has(key)) dup.set(key, item);
        seen.add(key);
      }
      return [...dup.values()];
    },
    partition: (list: unknown, size: unknown) => {
      if (!Array.isArray(list) || typeof size !== 'number' || size < 1) return null;
      const out: unknown[][] = [];
      for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
      return out;
    },
    'random number': () => Math.random(),
    extract: (value: unknown, pattern: unknown) => {
      if (typeof value !== 'string' || typeof pattern !== 'string') return null;
      return [...value.matchAll(new RegExp(pattern, 'g'))].map((m) => m[0]);
    },
    cycle: (duration: unknown) => (duration instanceof FeelDuration ? `R/${duration.iso}` : null),
  });
}
