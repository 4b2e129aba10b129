// saslStart / saslContinue for SCRAM-SHA-256, and the two fields hello answers for authentication: the
// mechanisms the named user has (saslSupportedMechs) and the first step of a speculative conversation.
import { Binary, type Document } from 'bson';
import { scramMechanism, ScramConversation, ScramFailure } from '../auth/scram-sha256';
import type { ConnectionAuth } from '../auth/connection-auth';
import { CommandError } from '../errors';
import type { CommandContext } from './context';

/** The store keeps its one user in the admin database, as mongod does with authSource=admin. */
const usersDatabase = 'admin';
const conversationId = 1;

function payloadText(value: unknown): string {
  if (value instanceof Binary) return Buffer.from(value.buffer.subarray(0, value.position)).toString('utf8');
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  if (typeof value === 'string') return value;
  throw new CommandError('TypeMismatch', "BSON field 'payload' is the wrong type, expected type 'binData'");
}

const authenticationFailed = () => new CommandError('AuthenticationFailed', 'Authentication failed.');

function start(auth: ConnectionAuth, command: Document, db: string): Document {
  auth.conversation = undefined;
  if (command.mechanism !== scramMechanism)
    throw new CommandError(
      'MechanismUnavailable',
      `Received authentication for mechanism ${String(command.mechanism)} which is not enabled`,
    );
  let scram: ScramConversation;
  try {
    scram = new ScramConversation(payloadText(command.payload), (name) =>
      db === usersDatabase && name === auth.user.username ? auth.user : undefined,
    );
  } catch (error) {
    if (error instanceof ScramFailure) throw authenticationFailed();
    throw error;
  }
  const options = command.options as { skipEmptyExchange?: unknown } | undefined;
  auth.conversation = { scram, done: false, skipEmptyExchange: options?.skipEmptyExchange === true };
  return { conversationId, done: false, payload: new Binary(Buffer.from(scram.serverFirst)) };
}

export function saslStartCommand(context: CommandContext): Document {
  return { ...start(context.auth, context.command, context.dbName), ok: 1 };
}

export function saslContinueCommand(context: CommandContext): Document {
  const { auth, command } = context;
  const conversation = auth.conversation;
  if (!conversation || Number(command.conversationId) !== conversationId)
    throw new CommandError('ProtocolError', 'No SASL session state found');
  if (conversation.done) {
    // The client's empty last step, when it did not ask to skip it.
    auth.conversation = undefined;
    return { conversationId, done: true, payload: new Binary(Buffer.alloc(0)), ok: 1 };
  }
  let serverFinal: string;
  try {
    serverFinal = conversation.scram.finish(payloadText(command.payload));
  } catch (error) {
    auth.conversation = undefined;
    if (error instanceof ScramFailure) throw authenticationFailed();
    throw error;
  }
  auth.authenticatedAs = conversation.scram.username;
  conversation.done = true;
  if (conversation.skipEmptyExchange) auth.conversation = undefined;
  return {
    conversationId,
    done: conversation.skipEmptyExchange,
    payload: new Binary(Buffer.from(serverFinal)),
    ok: 1,
  };
}

/** The fields hello adds for a client that names its user or starts its conversation in the handshake. */
export function helloAuthentication(context: CommandContext): Document {
  const { auth, command } = context;
  const fields: Document = {};
  if (command.saslSupportedMechs === `${usersDatabase}.${auth.user.username}`)
    fields.saslSupportedMechs = [scramMechanism];
  const speculative = command.speculativeAuthenticate as Document | undefined;
  if (speculative && typeof speculative === 'object' && speculative.saslStart) {
    try {
      const db = typeof speculative.db === 'string' ? speculative.db : usersDatabase;
      fields.speculativeAuthenticate = start(auth, speculative, db);
    } catch {
      // As mongod: a speculative step that cannot start is left out; the client then runs saslStart itself.
    }
  }
  return fields;
}
