// The applicant's supplement arrives (at the counter or online): the documents are added, the open supplement
// request is closed (the legal clock resumes from here) and the process is told by the message
// `dossier.supplemented`, correlated on the dossier code. One single-document update, then the message; the
// messageId names the request, so a retried call publishes once.
import type { SupplementBody } from '../api-schemas/dossiers';
import type { EngineClient } from '../engine/engine-client';
import { ApiError, badRequest, conflict } from '../errors/api-error';
import type { AuthUser } from '../auth/caller';
import type { Dossier } from '../models/Dossier';
import { checkListedFiles } from './document-files';
import { changeDossier } from './dossier-events';

const MESSAGE_TTL_MS = 7 * 24 * 3_600_000;

export async function recordSupplement(
  dossier: Dossier,
  body: SupplementBody,
  user: AuthUser,
  engine: EngineClient | undefined,
  now = new Date(),
): Promise<Dossier> {
  if (!engine) throw new ApiError(503, 'engine_unavailable');
  const open = (dossier.supplementRequests ?? []).find((r) => !r.suppliedAt);
  if (dossier.status !== 5 || !open) throw conflict('supplement_not_requested');
  const known = new Set(dossier.procedure.components.map((c) => c.id));
  const unknown = body.documents
    .map((d, index) => ({ d, index }))
    .filter(({ d }) => !known.has(d.component))
    .map(({ index }) => ({
      path: `documents[${index}].component`,
      key: 'field_enum' as const,
      params: { values: [...known].join(', ') },
    }));
  if (unknown.length) throw badRequest(unknown);
  await checkListedFiles(body.documents, dossier.code);

  const added = body.documents.map((d) => ({
    component: d.component,
    ...(d.name ? { name: d.name } : {}),
    fileIds: d.fileIds ?? [],
    digitised: false,
    original: d.original ?? false,
  }));
  const kept = dossier.documents.filter((d) => !added.some((a) => a.component === d.component));
  const changed = await changeDossier(dossier._id, {
    event: {
      at: now,
      actor: { kind: 'user', userId: user.id, username: user.username },
      action: 'dossier.supplemented',
      key: `supplemented:${open.key}`,
      ...(user.agency ? { agency: user.agency.id, agencyCode: user.agency.code } : {}),
      ...(body.note ? { note: body.note } : {}),
    },
    status: 4,
    subStatus: 'supplemented-awaiting-acceptance',
    onlyFrom: [5],
    setInArrays: {
      set: { documents: [...kept, ...added], 'supplementRequests.$[open].suppliedAt': now },
      arrayFilters: [{ 'open.key': open.key }],
    },
  });
  if (!changed) throw conflict('supplement_not_requested');
  await engine.publishMessage({
    name: 'dossier.supplemented',
    correlationKey: dossier.code,
    messageId: `${dossier.code}:supplemented:${open.key}`,
    timeToLiveMs: MESSAGE_TTL_MS,
    variables: { missingComponents: [] },
  });
  return changed;
}
