// Input of each slip of Circular 03/2025/TT-VPCP Annex I, as plain data: the slips know nothing of the database.
// Instants are Dates (printed in Vietnam's time); counts are numbers; free text is printed as given.
import type { TimeLimit } from '../../processes/calendar';
import type { slipRegistry } from './registry';

/** The two-line agency header at the top left of every form. */
export interface SlipAgency {
  /** Cơ quan chủ quản, e.g. "UBND PHƯỜNG HOÀN KIẾM". */
  parentName?: string;
  /** The issuing unit, e.g. "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HOÀN KIẾM". */
  name: string;
}

export interface SlipApplicant {
  name: string;
  address?: string;
  phone?: string;
  email?: string;
}

export interface SlipSigner {
  name: string;
  /** Overrides the form's default signer title (e.g. "NGƯỜI TIẾP NHẬN HỒ SƠ"). */
  title?: string;
}

/** What every numbered slip carries: who issues it, its number, where and when. */
export interface SlipHeading {
  agency: SlipAgency;
  /** The slip number without its suffix, e.g. "125" prints "Số: 125/TNHS". */
  number: string;
  /** Place name before the date line, e.g. "Hoàn Kiếm". */
  place: string;
  issuedAt: Date;
}

export interface SlipComponent {
  name: string;
  originals: number;
  copies: number;
  /** "Bản điện tử", "Bản sao chứng thực"… printed in the notes column. */
  note?: string;
}

export type ResultPickup = 'counter' | 'post' | 'online';

/** Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
export interface ReceiptSlipData extends SlipHeading {
  dossierCode: string;
  applicant: SlipApplicant;
  procedureName: string;
  components: SlipComponent[];
  sets: number;
  timeLimit: TimeLimit;
  receivedAt: Date;
  appointmentAt: Date;
  resultPickup: ResultPickup;
  /** Where the result is collected or sent, printed after the channel. */
  resultPickupPlace?: string;
  logBook?: { volume: string; line: string };
  /** The citizen's key to the public status lookup, and where to look. */
  lookup?: { code: string; url?: string };
  /** Which copy this is: "Liên 1: Lưu" / "Liên 2: Giao người nộp hồ sơ". */
  copyLabel?: string;
  officer: SlipSigner;
}

/** Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export interface SupplementRequestSlipData extends SlipHeading {
  dossierCode: string;
  applicant: SlipApplicant;
  procedureName: string;
  /** Each item to add or complete, with its reason. */
  items: { content: string; reason?: string }[];
  /** A general reason when the items do not carry one. */
  reason?: string;
  contact: { name: string; phone?: string; place?: string };
  /** When the supplement is due, if the procedure sets a limit. */
  supplyBy?: Date;
  officer: SlipSigner;
}

/** Mẫu 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
export interface RefusalSlipData extends SlipHeading {
  dossierCode?: string;
  applicant: SlipApplicant;
  procedureName: string;
  reasons: string[];
  officer: SlipSigner;
}

/** Mẫu 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả (2025: apology and extension request). */
export interface ApologySlipData extends SlipHeading {
  dossierCode: string;
  applicant: SlipApplicant;
  procedureName: string;
  receivedAt: Date;
  originalAppointmentAt: Date;
  reason: string;
  newAppointmentAt: Date;
  /** Working days of extension asked for (2025 form). */
  extensionDays?: number;
  signer: SlipSigner;
}

/** Mẫu 05 — Thông báo dừng xử lý hồ sơ. */
export interface StopNoticeData extends SlipHeading {
  dossierCode: string;
  applicant: SlipApplicant;
  procedureName: string;
  receivedAt: Date;
  reasons: string[];
  /** The legal ground, e.g. "khoản 2 Điều 19 Nghị định số 118/2025/NĐ-CP". */
  legalBasis?: string;
  /** What happens to the papers and fees already paid. */
  dossierHandling?: string;
  signer: SlipSigner;
}

export type StepResult = 'early' | 'on-time' | 'late';

/** One hand-over row of the control slip: who gives, who receives, when, and how the giver's step ended. */
export interface HandOver {
  fromAgency: string;
  fromPerson?: string;
  toAgency: string;
  toPerson?: string;
  at: Date;
  /** How the step that ends with this hand-over went against its budget; absent for the first hand-over. */
  result?: StepResult;
  note?: string;
}

/** Mẫu 06 — Phiếu kiểm soát quá trình giải quyết hồ sơ. */
export interface ControlSlipData {
  agency: SlipAgency;
  dossierCode: string;
  applicant: SlipApplicant;
  procedureName: string;
  receivedAt: Date;
  appointmentAt: Date;
  leadAgency: string;
  cooperatingAgencies: string[];
  handOvers: HandOver[];
}

/** One line of the log book. */
export interface LogBookEntry {
  dossierCode: string;
  procedureName: string;
  sets: number;
  applicant: SlipApplicant;
  leadAgency: string;
  receivedAt: Date;
  appointmentAt: Date;
  /** Hand-over to the agency that resolves it. */
  transferredAt?: Date;
  resolvedAt?: Date;
  /** "Yêu cầu bổ sung", "Từ chối"… when the dossier left without a result. */
  outcome?: string;
  returnedAt?: Date;
  note?: string;
}

/** Mẫu 07 — Sổ theo dõi hồ sơ. */
export interface LogBookData {
  agency: SlipAgency;
  /** e.g. "Quyển số 03" */
  volume?: string;
  from: Date;
  to: Date;
  entries: LogBookEntry[];
}

export interface SlipDataByKind {
  receipt: ReceiptSlipData;
  'supplement-request': SupplementRequestSlipData;
  refusal: RefusalSlipData;
  apology: ApologySlipData;
  'stop-notice': StopNoticeData;
  'control-slip': ControlSlipData;
  'log-book': LogBookData;
}

export type SlipKind = keyof SlipDataByKind;

// Every kind in the registry has its data shape here, and no other: a slip added to one list and not the other
// fails the type check.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const registryMatchesData: Same<SlipKind, (typeof slipRegistry)[number]['kind']> = true;
void registryMatchesData;
