// Shapes of the API's answers the screens read (the server's api-schemas are the source of truth); a procedure's
// vocabulary and its fee, component and time-limit shapes are the shared ones of processes/. The request bodies
// and queries are the server's own, derived from its JSON Schemas and imported type-only (nothing of server/
// reaches the bundle; eslint refuses a value import).
import type { TimeLimit } from '../../../processes/calendar/due-date';
import type { Role } from '../../../processes/roles';
import type {
  AgencyLevel,
  DossierComponent,
  Fee,
  OnlineLevel,
  ProcedureVersionStatus,
} from '../../../processes/procedure-vocabulary';

import type { ListTasksQuery, CompleteTaskBody, Urgency } from '../../../server/api-schemas/tasks';
import type { RatingBody } from '../../../server/api-schemas/applicant-requests';
import type { SubmitDossierBody } from '../../../server/api-schemas/dossiers';
import type { VersionBody } from '../../../server/api-schemas/procedures';

export type { DossierComponent, Fee, Role, TimeLimit };
export type { CompleteTaskBody, ListTasksQuery, RatingBody, SubmitDossierBody, Urgency, VersionBody };

export interface SessionUser {
  username: string;
  displayName: string;
  roles: Role[];
  groups: string[];
  agency: { code: string; name: string } | null;
}

export interface ProcedureSummary {
  code: string;
  localCode?: string;
  names: { vi: string; en?: string };
  field: { code?: string; name: string };
  level: AgencyLevel;
  publishedVersion: number | null;
}

export interface ProcedureVersion {
  version: number;
  status: ProcedureVersionStatus;
  changelog: string;
  createdAt: string;
  publishedAt?: string;
  effectiveFrom?: string;
  bpmnProcessId: string;
  bpmnXml?: string;
  /** The DMN decision tables the diagram's business rule tasks call. */
  decisions?: { name: string; dmnXml: string }[];
  forms: { formId: string; formVersion: string }[];
  timeLimit: TimeLimit;
  fees: Fee[];
  components: DossierComponent[];
  onlineLevel: OnlineLevel;
  deployment?: { processDefinitionKey: string; processVersion: number; deployedAt: string };
}

export interface Procedure extends ProcedureSummary {
  implementingAgencyCodes: string[];
  versions: ProcedureVersion[];
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}
