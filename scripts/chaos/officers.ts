// The officers' side of a chaos run: each polls its inbox (GET /api/tasks) and claims and completes the tasks of
// the run's dossiers — the specialist approves at review or refuses the dossiers marked for refusal, the
// leader signs, the counter officer hands the result over. A failed call is simply tried on the next round.
import type { SignedIn } from './signed-in';

interface InboxTask {
  _id: string;
  dossierCode: string;
  elementId: string;
}

/** The variables a task of birth registration (1.001193) is completed with (processes/task-forms.ts). */
function decisionFor(task: InboxTask, refuse: boolean): Record<string, unknown> {
  if (task.elementId === 'Review' && refuse)
    return { decision: 'refuse', refusalReason: 'Tờ khai không khớp với giấy chứng sinh (thử nghiệm sự cố)' };
  if (task.elementId === 'HandOverResult')
    return { decision: 'approve', returnChannel: 'counter', receivedBy: 'Người nộp hồ sơ' };
  return { decision: 'approve' };
}

async function workInbox(officer: SignedIn, refused: (code: string) => boolean | undefined): Promise<void> {
  const inbox = await officer.request('GET', '/api/tasks');
  if (inbox.status !== 200) return;
  for (const task of inbox.body.items as InboxTask[]) {
    const refuse = refused(task.dossierCode);
    if (refuse === undefined) continue; // not a dossier of this run
    const claim = await officer.request('POST', `/api/tasks/${task._id}/claim`);
    if (claim.status !== 200 && claim.status !== 409) continue;
    await officer.request('POST', `/api/tasks/${task._id}/complete`, {
      variables: decisionFor(task, refuse),
    });
  }
}

/** Works the inboxes every `everyMs` until `stop()`; resolves once the last round is over. */
export function startOfficers(
  officers: SignedIn[],
  refused: (code: string) => boolean | undefined,
  everyMs = 1000,
): { stop(): Promise<void> } {
  let running = true;
  const loops = officers.map(async (officer) => {
    while (running) {
      await workInbox(officer, refused).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}
