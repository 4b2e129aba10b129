// A command the engine refuses, with the gRPC status Zeebe's gateway would map it to.

export type RejectionType =
  'INVALID_ARGUMENT' | 'NOT_FOUND' | 'ALREADY_EXISTS' | 'INVALID_STATE' | 'PROCESSING_ERROR';

export const STATUS_OF: Record<RejectionType, number> = {
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  INVALID_STATE: 9,
  PROCESSING_ERROR: 13,
};

export class Rejection extends Error {
  constructor(
    readonly type: RejectionType,
    readonly intent: string,
    readonly reason: string,
    /** some Zeebe rejections travel with a status other than their type's (a known quirk) */
    readonly status: number = STATUS_OF[type],
  ) {
    super(`Command '${intent}' rejected with code '${type}': ${reason}`);
  }
}

/** Gateway-level validation error (never reaches the broker): plain message, INVALID_ARGUMENT. */
export class InvalidArgument extends Error {
  readonly status = 3;
}
