// Variable scopes: every element instance is a scope; lookups walk up the flow scopes to the process root.
import { evaluateFeel, FeelError, isExpression } from '../feel';
import type { Mapping } from '../bpmn/model';
import type { EngineState } from './state';

export function scopeChain(state: EngineState, scopeKey: number): number[] {
  const chain: number[] = [];
  let key: number | null = scopeKey;
  while (key !== null) {
    chain.push(key);
    key = state.elements[key]?.flowScopeKey ?? null;
  }
  return chain;
}

export function visibleVariables(state: EngineState, scopeKey: number): Record<string, unknown> {
  const chain = scopeChain(state, scopeKey);
  const out: Record<string, unknown> = {};
  for (let i = chain.length - 1; i >= 0; i--) Object.assign(out, state.variables[chain[i] as number]);
  return out;
}

export function setLocal(state: EngineState, scopeKey: number, name: string, value: unknown): void {
  const scope = (state.variables[scopeKey] ??= {});
  scope[name] = value;
}

export function setLocals(state: EngineState, scopeKey: number, vars: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(vars)) setLocal(state, scopeKey, name, value);
}

/** Zeebe's propagation: update the nearest scope holding the name, else create it at the root. */
export function propagate(state: EngineState, startKey: number, vars: Record<string, unknown>): void {
  const chain = scopeChain(state, startKey);
  const root = chain[chain.length - 1] as number;
  for (const [name, value] of Object.entries(vars)) {
    const holder = chain.find((k) => state.variables[k] !== undefined && name in (state.variables[k] ?? {}));
    setLocal(state, holder ?? root, name, value);
  }
}

function assignTarget(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i] as string;
    const next = node[part];
    const copy = next && typeof next === 'object' && !Array.isArray(next) ? { ...(next as object) } : {};
    node[part] = copy;
    node = copy as Record<string, unknown>;
  }
  node[parts[parts.length - 1] as string] = value;
}

/**
 * Evaluates mappings like Zeebe's compiled FEEL context: each source sees the context plus earlier targets;
 * nested targets merge into the existing object.
 */
export function evaluateMappings(
  mappings: Mapping[],
  context: Record<string, unknown>,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const m of mappings) {
    const scope = { ...context, ...result };
    let value: unknown;
    if (isExpression(m.source)) {
      try {
        value = evaluateFeel(m.source, scope).value;
      } catch (error) {
        throw new FeelError((error as Error).message);
      }
    } else {
      value = m.source;
    }
    const root = m.target.split('.')[0] as string;
    if (m.target.includes('.') && !(root in result) && root in context) {
      const existing = context[root];
      if (existing && typeof existing === 'object' && !Array.isArray(existing))
        result[root] = { ...existing };
    }
    assignTarget(result, m.target, value);
  }
  return result;
}
