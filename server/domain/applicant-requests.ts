// The applicant's withdrawal and rating. A withdrawal is recorded on the timeline and handed to the process as
// the message `dossier.withdrawn` (its event subprocess runs the withdraw task, which sets status 7); a rating is
// one guarded update, so a second one is refused rather than overwriting the first.
import type { EngineClient } from '../engine/engine-client';
import { ApiError, conflict } from '../errors/api-error';
import type { AuthUser } from '../auth/caller';
import type { Dossier } from '../models/Dossier';
import { changeDossier } from './dossier-events';
import { closedStatuses, type DossierStatus } from '../../processes/dossier-status';

const MESSAGE_TTL_MS = 7 * 24 * 3_600_000;

export async function requestWithdrawal(
  dossier: Dossier,
  reason: string,
  user: AuthUser,
  engine: EngineClient | undefined,
): Promise<void> {
  if (!engine) throw new ApiError(503, 'engine_unavailable');
  if (closedStatuses.includes(dossier.status as DossierStatus)) throw conflict('withdrawal_not_open');
  await changeDossier(dossier._id, {
    event: {
      actor: {
        kind: user.roles.includes('citizen') ? 'citizen' : 'user',
        userId: user.id,
        username: user.username,
      },
      action: 'dossier.withdrawal-requested',
      key: `withdrawal:${dossier.code}`,
      note: reason,
      ...(user.agency ? { agency: user.agency.id, agencyCode: user.agency.code } : {}),
    },
  });
  await engine.publishMessage({
    name: 'dossier.withdrawn',
    correlationKey: dossier.code,
    messageId: `${dossier.code}:withdrawn`,
    timeToLiveMs: MESSAGE_TTL_MS,
    variables: { withdrawalReason: reason },
  });
}

export async function rateDossier(
  dossier: Dossier,
  score: number,
  comment: string | undefined,
  now = new Date(),
) {
  if (dossier.status !== 10) throw conflict('rating_not_open');
  const rated = await changeDossier(dossier._id, {
    event: { at: now, actor: { kind: 'citizen' }, action: 'dossier.rated', note: `${score}/5` },
    set: { rating: { score, ...(comment ? { comment } : {}), at: now } },
    onlyFrom: [10],
    guard: { rating: { $exists: false } },
    keepHealth: true,
  });
  if (!rated) throw conflict('already_rated');
  return rated;
}
