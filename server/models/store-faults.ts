// Which errors mean the store is unreachable or briefly unable to answer (a restart, a primary election, a
// network cut), as opposed to a real fault of the request: the API answers them 503 store_unavailable and the
// workers retry them with a back-off. One list for both.
import { MongoNetworkError, MongoServerSelectionError } from 'mongodb';

/** A replica set electing a primary or shutting a member down (the driver's retryable codes), or a time limit. */
const TRANSIENT_SERVER_CODES = new Set([6, 7, 50, 89, 91, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436]);
const TRANSIENT_LABELS = ['RetryableWriteError', 'TransientTransactionError', 'ResetPool'];
const UNREACHABLE_NAMES = new Set([
  'MongoNetworkError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
]);
/**
 * The driver's write path (7.x: waiting for 'drain' on a socket the store has closed) rethrows the socket's own
 * error unwrapped: "This socket has been ended by the other party" (EPIPE), or a reset. Only at the top: a socket
 * error in a cause chain is another client's (fetch wraps its own), not the store's.
 */
const RAW_SOCKET_CODES = new Set(['EPIPE', 'ECONNRESET']);

function isDriverFault(error: unknown, depth: number): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  if (error instanceof MongoNetworkError || error instanceof MongoServerSelectionError) return true;
  const { name, message, code, errorLabels } = error as {
    name?: string;
    message?: string;
    code?: unknown;
    errorLabels?: unknown;
  };
  if (name && UNREACHABLE_NAMES.has(name)) return true;
  if (name === 'MongoServerError' && typeof code === 'number' && TRANSIENT_SERVER_CODES.has(code))
    return true;
  if (Array.isArray(errorLabels) && errorLabels.some((l) => TRANSIENT_LABELS.includes(String(l))))
    return true;
  // mongoose's commands queued while disconnected: "Operation `x.find()` buffering timed out after 10000ms".
  if (name === 'MongooseError' && /buffering timed out/.test(message ?? '')) return true;
  const { cause, reason } = error as { cause?: unknown; reason?: unknown };
  return isDriverFault(cause, depth + 1) || isDriverFault(reason, depth + 1);
}

/** True when `error` says the store could not be reached or could not answer for now: worth a retry. */
export function isStoreUnavailable(error: unknown): boolean {
  if (isDriverFault(error, 0)) return true;
  const { code } = (error ?? {}) as { code?: unknown };
  return typeof code === 'string' && RAW_SOCKET_CODES.has(code);
}
