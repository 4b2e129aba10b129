// Shapes of the API's answers the screens read (the server's api-schemas are the source of truth).
export type Role = 'admin' | 'designer' | 'officer' | 'leader' | 'citizen';

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
  level: string;
  publishedVersion: number | null;
}

export interface TimeLimit {
  value: number;
  unit: 'working-days' | 'days' | 'hours' | 'months';
  sameDayCutoff?: string;
}

export interface Fee {
  name: string;
  amount: number;
  collectAt: 'intake' | 'supplement' | 'result';
  note?: string;
}

export interface DossierComponent {
  id: string;
  name: string;
  required: boolean;
  originals?: number;
  copies?: number;
  note?: string;
}

export interface ProcedureVersion {
  version: number;
  status: 'draft' | 'published' | 'retired';
  changelog: string;
  createdAt: string;
  publishedAt?: string;
  effectiveFrom?: string;
  bpmnProcessId: string;
  bpmnXml?: string;
  forms: { formId: string; formVersion: string }[];
  timeLimit: TimeLimit;
  fees: Fee[];
  components: DossierComponent[];
  onlineLevel: 'full' | 'partial' | 'none';
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
