// Maps zeebe-node / gRPC failures onto the few cases the app acts on differently.
export type EngineErrorKind =
  'unavailable' | 'not_found' | 'invalid' | 'already_exists' | 'backpressure' | 'rejected';

export class EngineError extends Error {
  constructor(
    readonly kind: EngineErrorKind,
    message: string,
    readonly grpcCode?: number,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

const byGrpcCode: Record<number, EngineErrorKind> = {
  3: 'invalid', // INVALID_ARGUMENT
  4: 'unavailable', // DEADLINE_EXCEEDED
  5: 'not_found', // NOT_FOUND
  6: 'already_exists', // ALREADY_EXISTS
  8: 'backpressure', // RESOURCE_EXHAUSTED
  9: 'rejected', // FAILED_PRECONDITION
  14: 'unavailable', // UNAVAILABLE
  16: 'rejected', // UNAUTHENTICATED
};

export function toEngineError(error: unknown): EngineError {
  if (error instanceof EngineError) return error;
  const { code, details, message } = (error ?? {}) as { code?: number; details?: string; message?: string };
  const text = details || message || String(error);
  return new EngineError(
    typeof code === 'number' ? (byGrpcCode[code] ?? 'rejected') : 'unavailable',
    text,
    code,
  );
}
