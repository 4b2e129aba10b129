// Mẫu 01's data from a dossier: at the counter from the dossier itself and a context of what it does not hold
// (agency names, slip numbers, officers, the lookup secret, which is stored hashed), and when printed again
// from what dossier.intake stored (receiptFromStored, the entry's toSlipData).
import type { Dossier } from '../../models/Dossier';
import type { IssuedSlipContext } from '../definition';
import { applicantOf, instantOf, procedureNameOf, receivedAtOf } from '../stored-data';
import type { SlipAgency, SlipSigner } from '../types';
import type { ReceiptSlipData, SlipComponent, StoredReceipt } from './data';

export interface ReceiptContext {
  agency: SlipAgency;
  place: string;
  number: string;
  officer: SlipSigner;
  issuedAt?: Date;
  /** The plain lookup secret, known only when the receipt is first printed. */
  lookupCode?: string;
  lookupUrl?: string;
  logBook?: { volume: string; line: string };
  copyLabel?: string;
}

type ReceiptSource = Pick<
  Dossier,
  | 'code'
  | 'applicant'
  | 'procedure'
  | 'documents'
  | 'receivedAt'
  | 'submittedAt'
  | 'appointmentAt'
  | 'dueAt'
  | 'returnChannel'
>;

/** Components as submitted: one line per procedure component that has documents, originals and copies counted. */
export function submittedComponents(dossier: Pick<Dossier, 'procedure' | 'documents'>): SlipComponent[] {
  const lines: SlipComponent[] = [];
  for (const component of dossier.procedure.components) {
    const documents = dossier.documents.filter((document) => document.component === component.id);
    if (documents.length === 0) continue;
    const originals = documents.filter((document) => document.original).length;
    const electronic = documents.some((document) => document.digitised);
    lines.push({
      name: component.name,
      originals,
      copies: documents.length - originals,
      ...(electronic ? { note: 'Đã số hóa' } : {}),
    });
  }
  // Documents for components the procedure no longer lists still count as submitted.
  const known = new Set(dossier.procedure.components.map((component) => component.id));
  for (const document of dossier.documents.filter((d) => !known.has(d.component))) {
    lines.push({
      name: document.name ?? document.component,
      originals: document.original ? 1 : 0,
      copies: document.original ? 0 : 1,
    });
  }
  return lines;
}

export function receiptFromDossier(dossier: ReceiptSource, context: ReceiptContext): ReceiptSlipData {
  const receivedAt = dossier.receivedAt ?? dossier.submittedAt;
  const appointmentAt = dossier.appointmentAt ?? dossier.dueAt;
  if (!appointmentAt)
    throw new Error(`Hồ sơ ${dossier.code} chưa có thời gian hẹn trả kết quả (appointmentAt)`);
  return {
    agency: context.agency,
    number: context.number,
    place: context.place,
    issuedAt: context.issuedAt ?? receivedAt,
    dossierCode: dossier.code,
    applicant: {
      name: dossier.applicant.name,
      address: dossier.applicant.address,
      phone: dossier.applicant.phone,
      email: dossier.applicant.email,
    },
    procedureName: dossier.procedure.name,
    components: submittedComponents(dossier),
    sets: 1,
    timeLimit: dossier.procedure.timeLimit,
    receivedAt,
    appointmentAt,
    resultPickup: dossier.returnChannel ?? 'counter',
    ...(context.logBook ? { logBook: context.logBook } : {}),
    ...(context.lookupCode ? { lookup: { code: context.lookupCode, url: context.lookupUrl } } : {}),
    ...(context.copyLabel ? { copyLabel: context.copyLabel } : {}),
    officer: context.officer,
  };
}

/** The receipt from what dossier.intake stored: the components it listed as provided, the channel it recorded. */
export function receiptFromStored(
  stored: StoredReceipt,
  dossier: Dossier,
  context: IssuedSlipContext,
): ReceiptSlipData {
  const receivedAt = receivedAtOf(stored, dossier);
  const components = Array.isArray(stored.components)
    ? stored.components
        .filter((c) => c.provided !== false)
        .map((c) => ({
          name: c.name || '',
          originals: Number(c.originals ?? 0),
          copies: Number(c.copies ?? 0),
        }))
    : submittedComponents(dossier);
  const pickup = stored.returnChannel || dossier.returnChannel || 'counter';
  const place = context.issuingAgency?.address;
  return {
    ...context.heading,
    dossierCode: dossier.code,
    applicant: applicantOf(stored, dossier),
    procedureName: procedureNameOf(stored, dossier),
    components,
    sets: 1,
    timeLimit: dossier.procedure.timeLimit,
    receivedAt,
    appointmentAt: instantOf(stored.appointmentAt) ?? dossier.appointmentAt ?? dossier.dueAt ?? receivedAt,
    resultPickup: pickup === 'post' || pickup === 'online' ? pickup : 'counter',
    ...(place ? { resultPickupPlace: place } : {}),
    officer: context.officer,
  };
}
