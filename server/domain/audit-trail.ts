// Appends AuditEvents: every write of the API records who did it, to which record, from where. An action on a
// dossier whose record must not be lost to a crash writes it into the dossier's own write instead
// (pendingAuditRecord) and the record is drained to AuditEvent after (dossier-audit-outbox.ts).
import {
  AuditEventModel,
  type AuditActor,
  type AuditEvent,
  type PendingAuditEvent,
} from '../models/AuditEvent';
import type { RequestContext } from '../auth/caller';
import type { AuditAction } from '../../processes/dossier-actions';

export interface AuditEntry {
  action: AuditAction;
  outcome?: AuditEvent['outcome'];
  target?: AuditEvent['target'];
  details?: Record<string, unknown>;
  /** For events before a session exists (login): the account the request named. */
  actor?: AuditActor;
}

/** The record of an action, as AuditEvent stores it. */
export function auditRecord(
  ctx: RequestContext | undefined,
  entry: AuditEntry,
  at = new Date(),
): Omit<AuditEvent, '_id'> {
  const user = ctx?.auth?.user;
  const actor: AuditActor =
    entry.actor ??
    (user
      ? { kind: 'user', userId: user.id, username: user.username }
      : { kind: ctx ? 'anonymous' : 'system' });
  return {
    at,
    actor,
    action: entry.action,
    outcome: entry.outcome ?? 'success',
    ...(entry.target ? { target: entry.target } : {}),
    ...(ctx?.ip ? { ip: ctx.ip } : {}),
    ...(ctx?.userAgent ? { userAgent: ctx.userAgent } : {}),
    ...(ctx ? { requestId: ctx.requestId } : {}),
    ...(entry.details ? { details: entry.details } : {}),
  };
}

/** A record to store with the action's own document write; `key` makes its drain write it once. */
export function pendingAuditRecord(
  ctx: RequestContext | undefined,
  entry: AuditEntry,
  key: string,
  at = new Date(),
): PendingAuditEvent {
  return { ...auditRecord(ctx, entry, at), key };
}

export async function recordAudit(ctx: RequestContext | undefined, entry: AuditEntry): Promise<void> {
  await AuditEventModel.create(auditRecord(ctx, entry));
}
