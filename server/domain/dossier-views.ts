// What the API shows of a dossier: the officer's summary and full view, and the citizen's public status,
// which holds nothing beyond what the receipt slip prints. Overdue is computed here, never read from the store.
// The machine-health mark shows on the officer's views (its technical message to leaders and admins only).
import type { Dossier } from '../models/Dossier';
import type { Lang } from '../errors/messages';
import { dossierStatuses, dossierSubStatuses, isOverdue } from '../../processes/dossier-status';
import { processHealthView } from './process-health';

/** Who reads the view: the technical side of a health mark is for leaders and admins. */
export interface DossierViewer {
  roles: readonly string[];
}

const statusView = (dossier: Pick<Dossier, 'status' | 'subStatus'>, lang: Lang) => ({
  code: dossier.status,
  key: dossierStatuses[dossier.status].key,
  label: dossierStatuses[dossier.status][lang],
  ...(dossier.subStatus
    ? { sub: dossier.subStatus, subLabel: dossierSubStatuses[dossier.subStatus][lang] }
    : {}),
});

/** Fields the list reads from the store. */
export const summaryProjection = {
  code: 1,
  'procedure.code': 1,
  'procedure.name': 1,
  'procedure.version': 1,
  receivingAgencyCode: 1,
  'applicant.name': 1,
  channel: 1,
  status: 1,
  subStatus: 1,
  submittedAt: 1,
  receivedAt: 1,
  appointmentAt: 1,
  dueAt: 1,
  resolvedAt: 1,
  returnedAt: 1,
  queueTicket: 1,
  processHealth: 1,
} as const;

export type SummarySource = Pick<
  Dossier,
  'code' | 'channel' | 'status' | 'subStatus' | 'submittedAt' | 'receivingAgencyCode'
> &
  Partial<Dossier> & {
    procedure: Pick<Dossier['procedure'], 'code' | 'name' | 'version'>;
    applicant: Pick<Dossier['applicant'], 'name'>;
  };

export function dossierSummary(dossier: SummarySource, lang: Lang, now: Date, viewer: DossierViewer) {
  const processHealth = processHealthView(dossier.processHealth, lang, viewer);
  return {
    code: dossier.code,
    procedure: {
      code: dossier.procedure.code,
      name: dossier.procedure.name,
      version: dossier.procedure.version,
    },
    receivingAgencyCode: dossier.receivingAgencyCode,
    applicant: { name: dossier.applicant.name },
    channel: dossier.channel,
    status: statusView(dossier, lang),
    overdue: isOverdue(dossier, now),
    submittedAt: dossier.submittedAt,
    receivedAt: dossier.receivedAt,
    appointmentAt: dossier.appointmentAt,
    dueAt: dossier.dueAt,
    resolvedAt: dossier.resolvedAt,
    returnedAt: dossier.returnedAt,
    queueTicket: dossier.queueTicket,
    ...(processHealth ? { processHealth } : {}),
  };
}

export function dossierDetail(dossier: Dossier, lang: Lang, now: Date, viewer: DossierViewer) {
  // The start attempt's ticket and audit records on their way to AuditEvent are bookkeeping, not the dossier;
  // the sub-status is answered once, in words, inside `status`.
  const {
    subStatus: _subStatus,
    receiptSecretHash: _secret,
    idempotencyKey: _key,
    processTicket: _ticket,
    pendingAudit: _audit,
    processHealth: health,
    ...rest
  } = dossier as Dossier & { __v?: number };
  delete (rest as { __v?: number }).__v;
  const processHealth = processHealthView(health, lang, viewer);
  return {
    ...rest,
    id: dossier._id,
    // The store drops an empty object (mongoose's minimize): an empty declaration is still answered as one.
    declaration: { ...dossier.declaration, data: dossier.declaration?.data ?? {} },
    status: statusView(dossier, lang),
    overdue: isOverdue(dossier, now),
    ...(processHealth ? { processHealth } : {}),
  };
}

/** Masks all but the initials of each word of a name: the receipt holds the name, a screen need not repeat it. */
function maskName(name: string): string {
  return name
    .normalize('NFC')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${[...word][0]}${'*'.repeat(Math.max(0, [...word].length - 1))}`)
    .join(' ');
}

export function publicDossierStatus(dossier: Dossier, lang: Lang, now: Date) {
  return {
    code: dossier.code,
    procedure: { code: dossier.procedure.code, name: dossier.procedure.name },
    applicantName: maskName(dossier.applicant.name),
    status: statusView(dossier, lang),
    overdue: isOverdue(dossier, now),
    submittedAt: dossier.submittedAt,
    receivedAt: dossier.receivedAt,
    appointmentAt: dossier.appointmentAt,
    resolvedAt: dossier.resolvedAt,
    returnedAt: dossier.returnedAt,
    returnChannel: dossier.returnChannel,
    history: dossier.timeline
      .filter((event) => event.status !== undefined)
      .map((event) => ({
        at: event.at,
        status: statusView({ status: event.status!, subStatus: undefined }, lang),
      })),
  };
}
