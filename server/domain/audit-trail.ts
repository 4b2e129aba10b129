// Appends AuditEvents: every write of the API records who did it, to which record, from where.
import { AuditEventModel, type AuditActor, type AuditEvent } from '../models/AuditEvent';
import type { RequestContext } from '../http/request-context';

export interface AuditEntry {
  action: string;
  outcome?: AuditEvent['outcome'];
  target?: AuditEvent['target'];
  details?: Record<string, unknown>;
  /** For events before a session exists (login): the account the request named. */
  actor?: AuditActor;
}

export async function recordAudit(ctx: RequestContext | undefined, entry: AuditEntry): Promise<void> {
  const user = ctx?.auth?.user;
  const actor: AuditActor =
    entry.actor ??
    (user
      ? { kind: 'user', userId: user.id, username: user.username }
      : { kind: ctx ? 'anonymous' : 'system' });
  await AuditEventModel.create({
    at: new Date(),
    actor,
    action: entry.action,
    outcome: entry.outcome ?? 'success',
    ...(entry.target ? { target: entry.target } : {}),
    ...(ctx?.ip ? { ip: ctx.ip } : {}),
    ...(ctx?.userAgent ? { userAgent: ctx.userAgent } : {}),
    ...(ctx ? { requestId: ctx.requestId } : {}),
    ...(entry.details ? { details: entry.details } : {}),
  });
}
