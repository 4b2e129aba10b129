// Reads the values at a dotted path the way MongoDB indexes them: through arrays of subdocuments, and one
// value per element when the path ends on an array (a multikey index). A missing field reads as undefined.
type Doc = Record<string, unknown>;

export function valuesAtPath(doc: unknown, path: string): { values: unknown[]; multikey: boolean } {
  const out: unknown[] = [];
  const state = { multikey: false };
  collect(doc, path.split('.'), 0, out, state);
  return { values: out.length ? out : [undefined], multikey: state.multikey };
}

function collect(
  value: unknown,
  parts: string[],
  i: number,
  out: unknown[],
  state: { multikey: boolean },
): void {
  if (i === parts.length) {
    if (Array.isArray(value)) {
      state.multikey = true;
      if (value.length === 0) out.push(undefined);
      else for (const element of value) out.push(element);
    } else out.push(value);
    return;
  }
  if (Array.isArray(value)) {
    state.multikey = true;
    const part = parts[i] as string;
    if (/^\d+$/.test(part)) {
      collect(value[Number(part)], parts, i + 1, out, state);
      return;
    }
    for (const element of value) {
      if (element && typeof element === 'object' && !Array.isArray(element))
        collect(element, parts, i, out, state);
    }
    return;
  }
  if (value === null || typeof value !== 'object') {
    out.push(undefined);
    return;
  }
  collect((value as Doc)[parts[i] as string], parts, i + 1, out, state);
}
