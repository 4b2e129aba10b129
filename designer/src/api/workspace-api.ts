// Shapes and calls of the officer workspace and the public lookup (server/api-schemas are the source of truth).
import { ApiFailure, api } from './api-client';
import type {
  CompleteTaskBody,
  ListTasksQuery,
  Page,
  Procedure,
  ProcedurePageAnswer,
  RatingBody,
  SessionAnswer,
  SubmitDossierBody,
  Urgency,
} from './types';

export type { Urgency };

export interface StatusView {
  code: number;
  key: string;
  label: string;
  sub?: string;
  subLabel?: string;
}

/** The machine's trouble with a dossier (server/domain/process-health.ts); `message` for leaders and admins. */
export interface ProcessHealthView {
  state: 'incident' | 'stalled' | 'missing';
  label: string;
  since: string;
  elementId?: string;
  message?: string;
}

export interface DossierSummary {
  code: string;
  procedure: { code: string; name: string; version: number };
  applicant: { name: string };
  channel: string;
  status: StatusView;
  overdue: boolean;
  submittedAt: string;
  appointmentAt?: string;
  dueAt?: string;
  queueTicket?: string;
  processHealth?: ProcessHealthView;
}

export interface TimelineEvent {
  at: string;
  actor: { kind: string; username?: string; name?: string };
  action: string;
  status?: number;
  agencyCode?: string;
  note?: string;
  elementId?: string;
}

export interface IssuedSlip {
  kind: string;
  number: string;
  key: string;
  issuedAt: string;
}

export interface DossierDocument {
  component: string;
  name?: string;
  fileIds: string[];
  original: boolean;
}

export interface DossierDetail extends DossierSummary {
  applicant: { name: string; idNumber: string; phone?: string; email?: string; address?: string };
  procedure: DossierSummary['procedure'] & { components: { id: string; name: string; required: boolean }[] };
  declaration: { formId?: string; formVersion?: string; data: Record<string, unknown> };
  documents: DossierDocument[];
  timeline: TimelineEvent[];
  returnChannel?: string;
  slips?: IssuedSlip[];
  result?: { summary?: string; documents: { name: string; fileIds: string[]; uploadedAt?: string }[] };
}

export interface PublicStatus {
  code: string;
  procedure: { code: string; name: string };
  applicantName: string;
  status: StatusView;
  overdue: boolean;
  submittedAt: string;
  appointmentAt?: string;
  resolvedAt?: string;
  returnedAt?: string;
  history: { at: string; status: StatusView }[];
}

export interface Task {
  _id: string;
  name: string;
  elementId: string;
  dossierCode: string;
  candidateGroups: string[];
  assignee?: string;
  dueAt?: string;
  state: string;
  createdAt: string;
  bpmnProcessId: string;
  procedure?: { code: string; name: string };
  /** Working days after today up to the due day (0: due today; negative: late), from the server's calendar. */
  remainingWorkingDays?: number;
  urgency?: Urgency;
  /** The dossier's machine-health mark, when it has one. */
  processHealth?: ProcessHealthView;
}

export interface TaskCounts extends Record<Urgency, number> {
  total: number;
  unclaimed: number;
}

/** The inbox's filters: the task list's query (server/api-schemas/tasks.ts), `mine` as a switch. */
export type TaskFilters = Pick<ListTasksQuery, 'procedure' | 'claimed' | 'due'> & { mine?: boolean };

function taskQuery(filters: TaskFilters): string {
  const query = new URLSearchParams({ state: 'open' });
  if (filters.mine) query.set('mine', 'true');
  if (filters.procedure) query.set('procedure', filters.procedure);
  if (filters.claimed) query.set('claimed', filters.claimed);
  if (filters.due) query.set('due', filters.due);
  return query.toString();
}

export type Decision = 'approve' | 'supplement' | 'refuse' | 'return';

/** A counter filing: the submit body (server/api-schemas/dossiers.ts) as the intake screen always sends it. */
export type Submission = SubmitDossierBody & {
  channel: 'counter';
  returnChannel: NonNullable<SubmitDossierBody['returnChannel']>;
  idempotencyKey: string;
};

export const workspaceApi = {
  // A search of spaces only is no search (the API refuses a text with nothing visible).
  procedures: (q: string) =>
    api<ProcedurePageAnswer>(
      'GET',
      `/api/procedures?published=true&pageSize=50${q.trim() ? `&q=${encodeURIComponent(q.trim())}` : ''}`,
    ),
  procedure: (code: string) => api<Procedure>('GET', `/api/procedures/${encodeURIComponent(code)}`),
  submit: (body: Submission) =>
    api<{ dossier: DossierDetail; receiptSecret: string }>('POST', '/api/dossiers', body),
  dossiers: (query: string) => api<Page<DossierSummary>>('GET', `/api/dossiers?${query}`),
  dossier: (code: string) => api<DossierDetail>('GET', `/api/dossiers/${encodeURIComponent(code)}`),
  tasks: (filters: boolean | TaskFilters) =>
    api<{ items: Task[]; counts: TaskCounts }>(
      'GET',
      `/api/tasks?${taskQuery(typeof filters === 'boolean' ? { mine: filters } : filters)}`,
    ),
  claim: (id: string) => api<Task>('POST', `/api/tasks/${id}/claim`, {}),
  unclaim: (id: string) => api<Task>('POST', `/api/tasks/${id}/unclaim`, {}),
  complete: (id: string, variables: CompleteTaskBody['variables']) =>
    api<Task>('POST', `/api/tasks/${id}/complete`, { variables }),
  /** Multipart: the document's name and its files; the CSRF token is read from the session as the API client does. */
  uploadResultDocument: async (code: string, name: string, files: File[]) => {
    const { csrfToken } = await api<SessionAnswer>('GET', '/api/auth/session');
    const form = new FormData();
    form.append('name', name);
    for (const file of files) form.append('file', file, file.name);
    const response = await fetch(`/api/dossiers/${encodeURIComponent(code)}/result-documents`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'x-csrf-token': csrfToken },
      body: form,
    });
    const answer = (await response.json().catch(() => ({}))) as {
      error?: { code?: string; message?: string; fields?: { path: string; message: string }[] };
    };
    if (!response.ok) {
      const fields = answer.error?.fields ?? [];
      throw new ApiFailure(
        response.status,
        answer.error?.code ?? 'http_error',
        [answer.error?.message, ...fields.map((f) => f.message)].filter(Boolean).join(' ') ||
          `HTTP ${response.status}`,
        fields,
      );
    }
    return answer;
  },
  lookup: (code: string, secret: string) =>
    api<PublicStatus>('POST', '/api/public/dossier-status', { code, secret }),
  rate: (body: RatingBody) =>
    api<{ code: string; rating: { score: number } }>('POST', '/api/public/dossier-rating', body),
};

const dateTime = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** dd/MM/yyyy HH:mm in Vietnam's time, whatever the browser's zone. */
export const formatDateTime = (iso?: string) => (iso ? dateTime.format(new Date(iso)) : '—');
