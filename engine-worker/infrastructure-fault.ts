// Which job failures are the infrastructure's (store or engine unreachable, timeouts) and how a job is failed for
// one: the same retries and a back-off from 1 s doubling to 5 min, until the fault has lasted past a budget; then,
// and for every other fault, one retry fewer (an incident at zero). The fault's start and count are kept in a
// local variable of the job's element (FailJob variables), so they survive a worker restart and are shared by
// every worker process; the element's locals go when it completes.
import { EngineError } from '../server/engine/engine-errors';
import { isStoreUnavailable } from '../server/models/store-faults';

/** How long a job may fail on the infrastructure alone before it spends its retries as for a real fault. */
export const INFRASTRUCTURE_FAULT_BUDGET_MS = 15 * 60_000;
export const FIRST_BACKOFF_MS = 1_000;
export const MAX_BACKOFF_MS = 5 * 60_000;
/** What a real fault waits before its next try (as before). */
export const FAULT_BACKOFF_MS = 2_000;
/** The local variable of the job's element that records a running infrastructure fault. */
export const FAULT_VARIABLE = 'infrastructureFault';

export interface FaultPolicy {
  budgetMs: number;
}

interface FaultRecord {
  since: number;
  attempts: number;
}

/** The store unreachable or briefly unable to answer (store-faults.ts), or the engine unavailable or back-pressured:
 * zeebe-node's gRPC errors UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED (the store's own codes are other
 * things: 14 is TypeMismatch there). */
function isInfrastructureError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  if (depth === 0 && isStoreUnavailable(error)) return true;
  if (error instanceof EngineError) return error.kind === 'unavailable' || error.kind === 'backpressure';
  const { name, code } = error as { name?: string; code?: unknown };
  if (!name?.startsWith('Mongo') && (code === 14 || code === 4 || code === 8)) return true;
  const { cause, reason } = error as { cause?: unknown; reason?: unknown };
  return isInfrastructureError(cause, depth + 1) || isInfrastructureError(reason, depth + 1);
}

function faultRecord(variables: Record<string, unknown>): FaultRecord | undefined {
  const value = variables[FAULT_VARIABLE] as Partial<FaultRecord> | null | undefined;
  if (!value || typeof value.since !== 'number' || typeof value.attempts !== 'number') return undefined;
  return { since: value.since, attempts: value.attempts };
}

export interface JobFailure {
  retries: number;
  retryBackOff: number;
  variables: Record<string, unknown>;
  infrastructure: boolean;
}

/** How to fail the job for this error, given the job's retries and variables (its fault record). */
export function failureFor(
  error: unknown,
  job: { retries: number; variables: Record<string, unknown> },
  policy: FaultPolicy,
  now = Date.now(),
): JobFailure {
  const previous = faultRecord(job.variables);
  if (isInfrastructureError(error)) {
    const record = { since: previous?.since ?? now, attempts: (previous?.attempts ?? 0) + 1 };
    const within = now - record.since < policy.budgetMs;
    return {
      // Past the budget the fault persists: it spends retries as a real one, its record kept.
      retries: within ? job.retries : Math.max(0, job.retries - 1),
      retryBackOff: within
        ? Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (record.attempts - 1))
        : FAULT_BACKOFF_MS,
      variables: { [FAULT_VARIABLE]: record },
      infrastructure: within,
    };
  }
  // A real fault: a retry fewer, as before; a later infrastructure fault starts its budget anew.
  return {
    retries: Math.max(0, job.retries - 1),
    retryBackOff: FAULT_BACKOFF_MS,
    variables: previous ? { [FAULT_VARIABLE]: null } : {},
    infrastructure: false,
  };
}
