// One connection's authentication state. A connection starts unauthenticated; only the handshake and the
// SASL conversation are answered until it has proven it knows the store's user's password.
import type { ScramConversation, ScramUser } from './scram-sha256';

export interface ConnectionAuth {
  /** The store's user (its derived keys). */
  readonly user: ScramUser;
  /** Set once a SCRAM conversation succeeded on this connection. */
  authenticatedAs?: string;
  conversation?: { scram: ScramConversation; done: boolean; skipEmptyExchange: boolean };
}

/** Commands mongod answers before authentication (requiresAuth() false): the handshake, SASL, ping, buildInfo. */
export const openCommands = new Set([
  'hello',
  'isMaster',
  'ismaster',
  'saslStart',
  'saslContinue',
  'ping',
  'buildInfo',
  'buildinfo',
]);
