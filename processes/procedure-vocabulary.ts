// The words and shapes a procedure, and the agencies that handle it, are described in, one home for all: the
// catalogue files (processes/), the store's models, the API's schemas, the seed, the fee worker and the web app's
// editor import them from here. The legal time limit's shape is the calendar's (processes/calendar/due-date.ts,
// `TimeLimit`).
/** Cấp thực hiện: the level of the organisation tree an agency sits at, and a procedure is handled at. */
export const AGENCY_LEVELS = ['province', 'commune', 'department', 'sector'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

/** An authority decides dossiers; a service centre (Trung tâm Phục vụ hành chính công) receives and returns them. */
export const AGENCY_KINDS = ['authority', 'service-centre'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Mã định danh điện tử of an agency (Decision 20/2020/QĐ-TTg), the first segment of every dossier code it receives. */
export const AGENCY_CODE_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

/**
 * National code `d.dddddd`, or `TAM.<slug>` (tạm: provisional) for a catalogue entry whose national code is not
 * confirmed yet; such a code is replaced when the national one is known.
 */
export const PROCEDURE_CODE_PATTERN = /^(\d\.\d{6}|TAM\.[a-z0-9-]{3,60})$/;

/** Mức độ dịch vụ công trực tuyến: full (toàn trình), partial (một phần), none (information only). */
export const ONLINE_LEVELS = ['full', 'partial', 'none'] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];

/** When a fee is collected: the `collectAt` header of `dossier.fee` (CONTRACT.md). */
export const FEE_COLLECTION_POINTS = ['intake', 'supplement', 'result'] as const;
export type FeeCollectionPoint = (typeof FEE_COLLECTION_POINTS)[number];

export const PROCEDURE_VERSION_STATUSES = ['draft', 'published', 'retired'] as const;
export type ProcedureVersionStatus = (typeof PROCEDURE_VERSION_STATUSES)[number];

/** Phí, lệ phí: one fee of a procedure version. */
export interface Fee {
  name: string;
  /** VND; 0 when exempt. */
  amount: number;
  collectAt: FeeCollectionPoint;
  note?: string;
}

/** Thành phần hồ sơ: one required (or optional) document of the dossier. */
export interface DossierComponent {
  id: string;
  name: string;
  required: boolean;
  originals: number;
  copies: number;
  note?: string;
}
