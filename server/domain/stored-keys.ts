// Keys a free-form object sent by a client (a declaration's data) may not carry into the store, whatever its
// schema allows: `__proto__`, `constructor` and `prototype` pollute the objects that code later builds from it,
// and `$`-prefixed or dotted keys are operators and paths to MongoDB. Each is named by its path in the data.

const pollutingKeys = new Set(['__proto__', 'constructor', 'prototype']);

export type UnsafeKeyProblem = 'polluting' | 'operator' | 'dotted';

export interface UnsafeKey {
  /** Property names from the object's root down to the key. */
  path: string[];
  problem: UnsafeKeyProblem;
}

function problemOf(key: string): UnsafeKeyProblem | undefined {
  if (pollutingKeys.has(key)) return 'polluting';
  if (key.startsWith('$')) return 'operator';
  if (key.includes('.')) return 'dotted';
  return undefined;
}

/** Every unsafe key in `value`, depth first; own keys only (a JSON body has no others). */
export function unsafeKeys(value: unknown, path: string[] = []): UnsafeKey[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => unsafeKeys(item, [...path, String(i)]));
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) => {
    const problem = problemOf(key);
    if (problem) return [{ path: [...path, key], problem }];
    return unsafeKeys((value as Record<string, unknown>)[key], [...path, key]);
  });
}
