// A test seam: the named boundaries between the writes of a submission, a process start and an audit drain.
// Production passes nothing; the crash tests pass a function that kills their process at one boundary, so a
// crash between any two writes is replayed for real (tests/engine-worker/crash-once.int.test.ts).
export type StepBoundary =
  /** The dossier (with its pending audit record) is stored; no process start attempted yet. */
  | 'dossier-stored'
  /** A process start recorded its ticket on the dossier; no instance created yet. */
  | 'ticket-claimed'
  /** The engine created the instance; its key is not stored yet. */
  | 'instance-created'
  /** The instance key is stored; the response (or the sweep's next dossier) not yet. */
  | 'instance-bound'
  /** An audit record is in AuditEvent; it is still pending on its dossier. */
  | 'audit-recorded';

export type CrashPoint = (boundary: StepBoundary) => void;

export const noCrash: CrashPoint = () => undefined;
