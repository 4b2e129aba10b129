import type { ZBWorker } from 'zeebe-node';

interface LongPollHolder {
  jobStream?: { cancel?: () => void };
}

function cancelLongPoll(worker: unknown) {
  (worker as LongPollHolder).jobStream?.cancel?.();
}

/**
 * Closes a zeebe-node worker and cancels its waiting long poll. zeebe-node 8.3 cancels the poll only when
 * the worker holds no job at close(); otherwise the poll stays open and the engine hands it jobs that the
 * closing worker drops, locked to nobody until their timeout (for the inbox bridge: days). Cancelled again
 * once closed, for a poll that was being opened when close began.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function closeWorker(worker: ZBWorker<any, any, any>, timeoutMs = 2_000): Promise<void> {
  const closed = worker.close(timeoutMs);
  cancelLongPoll(worker);
  await closed;
  cancelLongPoll(worker);
}
