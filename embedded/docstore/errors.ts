// MongoDB's error shape: every failure a command reports carries the server's numeric code and its codeName,
// so driver code that branches on `err.code` behaves the same against this store and a real mongod.
export const errorCodes = {
  InternalError: 1,
  BadValue: 2,
  FailedToParse: 9,
  Unauthorized: 13,
  TypeMismatch: 14,
  ProtocolError: 17,
  AuthenticationFailed: 18,
  InvalidLength: 16,
  IllegalOperation: 20,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  CursorNotFound: 43,
  NamespaceExists: 48,
  CommandNotFound: 59,
  ImmutableField: 66,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  CommandNotSupported: 115,
  NotImplemented: 238,
  Location40324: 40324,
  BSONObjectTooLarge: 10334,
  DuplicateKey: 11000,
  NoSuchTransaction: 251,
  MechanismUnavailable: 334,
  OperationNotSupportedInTransaction: 263,
} as const;

export type CodeName = keyof typeof errorCodes;

export class CommandError extends Error {
  readonly code: number;
  readonly codeName: string;
  /** Extra fields MongoDB puts next to errmsg (keyPattern/keyValue on duplicate keys). */
  readonly extra: Record<string, unknown>;

  constructor(codeName: CodeName, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.code = errorCodes[codeName];
    this.codeName = codeName.startsWith('Location') ? '' : codeName;
    this.extra = extra;
  }
}

export function errorReply(error: unknown): Record<string, unknown> {
  if (error instanceof CommandError) {
    const reply: Record<string, unknown> = { ok: 0, errmsg: error.message, code: error.code };
    if (error.codeName) reply.codeName = error.codeName;
    return { ...reply, ...error.extra };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { ok: 0, errmsg: message, code: errorCodes.InternalError, codeName: 'InternalError' };
}

/** Mingo throws plain errors for unknown operators and bad expressions; MongoDB reports those as BadValue. */
export function fromQueryError(error: unknown): CommandError {
  if (error instanceof CommandError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/immutable field '_id'/.test(message))
    return new CommandError(
      'ImmutableField',
      "Performing an update on the path '_id' would modify the immutable field '_id'",
    );
  const stage = /unregistered pipeline operator (\$\w+)/.exec(message);
  if (stage) return new CommandError('Location40324', `Unrecognized pipeline stage name: '${stage[1]}'`);
  const queryOp = /unknown query operator (\$\w+)/.exec(message);
  if (queryOp) return new CommandError('BadValue', `unknown operator: ${queryOp[1]}`);
  const updateOp = /Unknown update operator: '(\$\w+)'/.exec(message);
  if (updateOp)
    return new CommandError(
      'FailedToParse',
      `Unknown modifier: ${updateOp[1]}. Expected a valid update modifier or pipeline-style update specified as an array`,
    );
  return new CommandError('BadValue', message);
}
