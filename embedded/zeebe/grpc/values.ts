// Request value checks done by Zeebe's gateway before a command reaches the broker.
import { InvalidArgument } from '../engine/rejection';

export const DEFAULT_TENANT = '<default>';

export function checkTenant(tenantId: string | undefined, what: string): void {
  if (!tenantId || tenantId === DEFAULT_TENANT) return;
  throw new InvalidArgument(
    `Expected to handle gRPC request ${what} with tenant identifier '${tenantId}', but multi-tenancy is disabled`,
  );
}

export function parseVariables(text: string | undefined): Record<string, unknown> {
  if (text === undefined || text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InvalidArgument(`Property 'variables' is invalid: Invalid JSON value: ${text}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = Array.isArray(value)
      ? 'ARRAY'
      : value === null
        ? 'NIL'
        : typeof value === 'string'
          ? 'STRING'
          : typeof value === 'number'
            ? 'NUMBER'
            : 'BOOLEAN';
    throw new InvalidArgument(
      `Property 'variables' is invalid: Expected document to be a root level object, but was '${kind}'`,
    );
  }
  return value as Record<string, unknown>;
}

export function toNumber(value: string | number | undefined): number {
  if (value === undefined || value === '') return 0;
  return typeof value === 'number' ? value : Number(value);
}

export function pick(vars: Record<string, unknown>, names: string[] | undefined): Record<string, unknown> {
  if (!names || names.length === 0) return vars;
  const out: Record<string, unknown> = {};
  for (const name of names) if (name in vars) out[name] = vars[name];
  return out;
}
