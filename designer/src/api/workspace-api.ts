// Shapes and calls of the officer workspace and the public lookup (server/api-schemas are the source of truth).
import { ApiFailure, api } from './api-client';
import type {
  CompleteTaskBody,
  ListTasksQuery,
  Procedure,
  ProcedurePageAnswer,
  RatingBody,
  SessionAnswer,
  SubmitDossierBody,
  Urgency,
} from './types';
import type {
  DossierDetail,
  DossierPage,
  DossierSummary,
  PublicDossierStatus,
  SubmitDossierAnswer,
} from '../../../server/api-schemas/dossiers';
import type { InboxTask, TaskAnswer, TaskListAnswer } from '../../../server/api-schemas/tasks';
import type { RatingAnswer } from '../../../server/api-schemas/applicant-requests';
import type { ResultDocumentUploadAnswer } from '../../../server/api-schemas/result-documents';

export type { Urgency };

// The answers' shapes are the server's response schemas (server/api-schemas), imported type-only.
export type { DossierDetail, DossierSummary, InboxTask as Task, TaskAnswer };
export type StatusView = DossierSummary['status'];
/** The machine's trouble with a dossier (server/domain/process-health.ts); `message` for leaders and admins. */
export type ProcessHealthView = NonNullable<DossierSummary['processHealth']>;
export type TimelineEvent = DossierDetail['timeline'][number];
export type IssuedSlip = NonNullable<DossierDetail['slips']>[number];
export type DossierDocument = DossierDetail['documents'][number];
export type PublicStatus = PublicDossierStatus;
export type TaskCounts = TaskListAnswer['counts'];

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
  submit: (body: Submission) => api<SubmitDossierAnswer>('POST', '/api/dossiers', body),
  dossiers: (query: string) => api<DossierPage>('GET', `/api/dossiers?${query}`),
  dossier: (code: string) => api<DossierDetail>('GET', `/api/dossiers/${encodeURIComponent(code)}`),
  tasks: (filters: boolean | TaskFilters) =>
    api<TaskListAnswer>(
      'GET',
      `/api/tasks?${taskQuery(typeof filters === 'boolean' ? { mine: filters } : filters)}`,
    ),
  claim: (id: string) => api<TaskAnswer>('POST', `/api/tasks/${id}/claim`, {}),
  unclaim: (id: string) => api<TaskAnswer>('POST', `/api/tasks/${id}/unclaim`, {}),
  complete: (id: string, variables: CompleteTaskBody['variables']) =>
    api<TaskAnswer>('POST', `/api/tasks/${id}/complete`, { variables }),
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
    const answer = (await response.json().catch(() => ({}))) as Partial<ResultDocumentUploadAnswer> & {
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
  rate: (body: RatingBody) => api<RatingAnswer>('POST', '/api/public/dossier-rating', body),
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
