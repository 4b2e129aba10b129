// Slip data from a stored dossier. Only the Dossier's shape is used (type import), never the mongoose model, so
// the slips stay renderable from anything that has a dossier's fields. What the dossier does not hold (agency
// names, slip numbers, officers, the lookup secret, which is stored hashed) comes in the context.
import { classifyCompletion } from '../../processes/calendar';
import type { Dossier } from '../models/Dossier';
import type {
  ControlSlipData,
  HandOver,
  LogBookEntry,
  ReceiptSlipData,
  SlipAgency,
  SlipComponent,
  SlipSigner,
} from './types';

type Id = { toString(): string };

export interface SlipContext {
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

export function receiptFromDossier(dossier: ReceiptSource, context: SlipContext): ReceiptSlipData {
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

type StepSource = Pick<
  Dossier,
  | 'code'
  | 'applicant'
  | 'procedure'
  | 'receivedAt'
  | 'submittedAt'
  | 'appointmentAt'
  | 'dueAt'
  | 'stepDeadlines'
>;

/**
 * The control slip from the dossier's step deadlines: each step's start is a hand-over from the previous step's
 * agency to this one, graded by how the previous step ended against its due time.
 */
export function controlSlipFromDossier(
  dossier: StepSource,
  context: { agency: SlipAgency; counterName: string; agencyName: (id: Id | undefined) => string },
): ControlSlipData {
  const steps = [...dossier.stepDeadlines].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  const unit = dossier.procedure.timeLimit.unit === 'working-days' ? 'working-days' : 'hours';
  const handOvers: HandOver[] = [];
  let from = context.counterName;
  let previous: (typeof steps)[number] | undefined;
  for (const step of steps) {
    const to = `${context.agencyName(step.agency)} — ${step.step}`;
    handOvers.push({
      fromAgency: from,
      toAgency: to,
      at: step.startedAt,
      ...(previous?.dueAt ? { result: classifyCompletion(step.startedAt, previous.dueAt, unit) } : {}),
    });
    from = to;
    previous = step;
  }
  if (previous?.finishedAt) {
    handOvers.push({
      fromAgency: from,
      toAgency: context.counterName,
      at: previous.finishedAt,
      ...(previous.dueAt ? { result: classifyCompletion(previous.finishedAt, previous.dueAt, unit) } : {}),
    });
  }
  const agencies = [...new Set(steps.map((step) => context.agencyName(step.agency)))];
  const receivedAt = dossier.receivedAt ?? dossier.submittedAt;
  const appointmentAt = dossier.appointmentAt ?? dossier.dueAt ?? receivedAt;
  return {
    agency: context.agency,
    dossierCode: dossier.code,
    applicant: { name: dossier.applicant.name, address: dossier.applicant.address },
    procedureName: dossier.procedure.name,
    receivedAt,
    appointmentAt,
    leadAgency: agencies[0] ?? context.counterName,
    cooperatingAgencies: agencies.slice(1),
    handOvers,
  };
}

type LogBookSource = StepSource & Pick<Dossier, 'status' | 'resolvedAt' | 'returnedAt'>;

const outcomeByStatus: Partial<Record<number, string>> = {
  3: 'Từ chối tiếp nhận',
  5: 'Yêu cầu bổ sung',
  7: 'Rút hồ sơ',
  8: 'Dừng xử lý',
};

export function logBookEntryFromDossier(dossier: LogBookSource, leadAgency: string): LogBookEntry {
  const receivedAt = dossier.receivedAt ?? dossier.submittedAt;
  const firstStep = [...dossier.stepDeadlines].sort(
    (a, b) => a.startedAt.getTime() - b.startedAt.getTime(),
  )[0];
  const outcome = outcomeByStatus[dossier.status];
  return {
    dossierCode: dossier.code,
    procedureName: dossier.procedure.name,
    sets: 1,
    applicant: {
      name: dossier.applicant.name,
      address: dossier.applicant.address,
      phone: dossier.applicant.phone,
    },
    leadAgency,
    receivedAt,
    appointmentAt: dossier.appointmentAt ?? dossier.dueAt ?? receivedAt,
    ...(firstStep ? { transferredAt: firstStep.startedAt } : {}),
    ...(dossier.resolvedAt ? { resolvedAt: dossier.resolvedAt } : {}),
    ...(outcome ? { outcome } : {}),
    ...(dossier.returnedAt ? { returnedAt: dossier.returnedAt } : {}),
  };
}

/**
 * The number printed on an issued slip: its stored form number ("12/PXL"), or for a slip stored before form
 * numbers were kept, the n of its id `04-<code>-n` (the renderer adds the form's suffix).
 */
export function printedSlipNumber(slip: { number: string; formNumber?: string }): string {
  return slip.formNumber ?? /-(\d+)$/.exec(slip.number)?.[1] ?? slip.number;
}

/** A person who acted on the dossier, as the user accounts hold them. */
export interface ActingUser {
  displayName: string;
  roles: string[];
  groups: string[];
}

/** The signer's title on the forms by what the person does: the head of the agency, or the officer handling it. */
export function signerTitle(user: Pick<ActingUser, 'roles' | 'groups'>): string {
  if (user.roles.includes('leader') || user.groups.includes('lanh-dao')) return 'THỦ TRƯỞNG CƠ QUAN';
  if (user.groups.includes('chuyen-vien')) return 'CÔNG CHỨC XỬ LÝ HỒ SƠ';
  if (user.groups.includes('mot-cua')) return 'CÔNG CHỨC TIẾP NHẬN HỒ SƠ';
  return 'CÁN BỘ XỬ LÝ HỒ SƠ';
}

/** "Lê Quang Hải (lãnh đạo)" → "Lê Quang Hải": the name as signed, without an account's note. */
export const signedName = (displayName: string) => displayName.replace(/\s*\([^)]*\)\s*$/, '').trim();

/**
 * Who signs an apology (04) or a stop notice (05): of the people who acted on the dossier up to the slip's
 * issue, the latest leader (the form's signer is the head of the agency), else the latest officer; their name
 * and title. Undefined when no person acted (the form then keeps its blank signature).
 */
export function actingSigner(
  dossier: Pick<Dossier, 'timeline'>,
  issuedAt: Date,
  users: Map<string, ActingUser>,
): SlipSigner | undefined {
  const acted = dossier.timeline
    .filter((e) => e.actor.kind === 'user' && e.actor.userId && new Date(e.at) <= issuedAt)
    .map((e) => users.get(e.actor.userId!.toString()))
    .filter((u): u is ActingUser => u !== undefined)
    .reverse();
  const signer = acted.find((u) => signerTitle(u) === 'THỦ TRƯỞNG CƠ QUAN') ?? acted[0];
  return signer ? { name: signedName(signer.displayName), title: signerTitle(signer) } : undefined;
}
