// Shapes of the API's answers and requests the screens use, all derived from the server's JSON Schemas and imported
// type-only (nothing of server/ reaches the bundle; eslint refuses a value import); a procedure's fee, component and
// time-limit shapes are the shared ones of processes/.
import type { TimeLimit } from '../../../processes/calendar/due-date';
import type { Role } from '../../../processes/roles';
import type { DossierComponent, Fee } from '../../../processes/procedure-vocabulary';

import type { ListTasksQuery, CompleteTaskBody, Urgency } from '../../../server/api-schemas/tasks';
import type { RatingBody } from '../../../server/api-schemas/applicant-requests';
import type { SubmitDossierBody } from '../../../server/api-schemas/dossiers';
import type {
  ProcedureAnswer,
  ProcedurePageAnswer,
  ProcedureSummaryAnswer,
  ProcedureVersionAnswer,
  VersionBody,
} from '../../../server/api-schemas/procedures';
import type { SessionAnswer, SessionUserAnswer } from '../../../server/api-schemas/auth';
import type {
  AuthoredVersionAnswer,
  SavedFormAnswer,
  ValidatorModuleAnswer,
  VersionListAnswer,
} from '../../../server/api-schemas/designer';

export type { DossierComponent, Fee, Role, TimeLimit };
export type { CompleteTaskBody, ListTasksQuery, RatingBody, SubmitDossierBody, Urgency, VersionBody };

/** The answers of the session, catalogue and designer routes, derived from the server's response schemas. */
export type SessionUser = SessionUserAnswer;
export type ProcedureSummary = ProcedureSummaryAnswer;
export type ProcedureVersion = ProcedureVersionAnswer;
export type Procedure = ProcedureAnswer;
export type {
  AuthoredVersionAnswer,
  ProcedurePageAnswer,
  SavedFormAnswer,
  SessionAnswer,
  ValidatorModuleAnswer,
  VersionListAnswer,
};

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}
