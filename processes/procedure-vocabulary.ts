// The words and shapes a procedure is described in, one home for all: the catalogue files (processes/), the
// store's models, the API's schemas, the fee worker and the web app's editor import them from here. The legal
// time limit's shape is the calendar's (processes/calendar/due-date.ts, `TimeLimit`).
/** Cấp thực hiện: the level of the organisation tree an agency sits at, and a procedure is handled at. */
export const AGENCY_LEVELS = ['province', 'commune', 'department', 'sector'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

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
