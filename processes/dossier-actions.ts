// The two closed vocabularies of what happened: the verbs of a dossier's timeline (nhật ký xử lý hồ sơ) and the
// verbs of the audit trail. Server, workers and web app (type-only, for its labels) take them from here.
// Stored verbs are never renamed: a verb written once is in the store for good. Two meanings have a verb in each
// list, kept apart because both are stored: the officer's step done is `task.completed` on the timeline and
// `task.complete` in the audit trail; the applicant's withdrawal request is `dossier.withdrawal-requested` on the
// timeline and `dossier.withdraw` in the audit trail (likewise `dossier.supplemented` / `dossier.supplement` and
// `result.document-uploaded` / `dossier.result-document-upload`).

/** What a dossier's timeline records, in the order a dossier usually meets them. */
export const timelineActions = [
  // Filing and intake
  'dossier.submitted',
  'process.started',
  'dossier.accepted',
  'dossier.digitised',
  'fee.assessed',
  // Deadlines and steps
  'deadline.computed',
  'deadline.warning',
  'step.started',
  'task.completed',
  'dossier.overdue',
  // Supplement, refusal, withdrawal
  'dossier.supplement-requested',
  'dossier.supplemented',
  'dossier.refused',
  'dossier.stopped',
  'dossier.withdrawal-requested',
  'dossier.withdrawn',
  // Inter-agency paths
  'dossier.transferred',
  'dossier.result-returned-to-receiver',
  // Result and return
  'result.document-uploaded',
  'dossier.resolved',
  'dossier.delivered',
  'dossier.rated',
  // The machine's trouble with the dossier (processHealth)
  'dossier.incident',
  'dossier.stalled',
  'dossier.instance-missing',
  // Notifications to the applicant
  'notification.queued',
  'notification.sent',
  'notification.failed',
  'notification.skipped',
  'notification.not-configured',
  // A slip's issue, when its worker names no verb of its own (server/slips/registry.ts `issuedAction`)
  'slip.receipt-issued',
  'slip.supplement-request-issued',
  'slip.refusal-issued',
  'slip.apology-issued',
  'slip.stop-notice-issued',
] as const;
export type TimelineAction = (typeof timelineActions)[number];

/** What the audit trail records: every write of the API, and the system's own. */
export const auditActions = [
  'auth.login',
  'auth.logout',
  'user.create',
  'user.update',
  'holiday.create',
  'holiday.delete',
  'procedure.create',
  'procedure.version.create',
  'procedure.version.publish',
  'form.version.create',
  'dossier.create',
  'dossier.receipt-secret.reissue',
  'dossier.document-upload',
  'dossier.supplement',
  'dossier.withdraw',
  'dossier.result-document-upload',
  'task.unclaim',
  'task.complete',
  'seed.demo-data',
] as const;
export type AuditAction = (typeof auditActions)[number];
