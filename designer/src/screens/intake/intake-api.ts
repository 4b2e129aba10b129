// The counter's document uploads: each file goes as the raw body to POST /api/dossiers/:code/documents/:component
// (GridFS on the server), once the dossier exists; and the receipt slip (Mẫu 01) once the intake worker issued it.
import { api, ApiFailure, type FieldError } from '../../api/api-client';
import type { SessionAnswer } from '../../api/types';
import { workspaceApi, type IssuedSlip } from '../../api/workspace-api';
import type { UploadedDocumentAnswer } from '../../../../server/api-schemas/documents';

export const acceptedTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const uploadLimitBytes = 20 * 1024 * 1024;

/** A file chosen (or scanned) for a component, with a blob URL to view it before and after submitting. */
export interface LocalFile {
  file: File;
  url: string;
}

export interface PendingUpload {
  component: string;
  local: LocalFile;
}

export interface UploadOutcome {
  uploaded: (UploadedDocumentAnswer & { local: LocalFile })[];
  failed: (PendingUpload & { message: string })[];
}

/** Why a file cannot be sent, as an i18n key of ws.intake, or undefined when it can. */
export function fileProblem(file: File): 'fileType' | 'fileSize' | 'fileEmpty' | undefined {
  if (!(acceptedTypes as readonly string[]).includes(file.type)) return 'fileType';
  if (file.size > uploadLimitBytes) return 'fileSize';
  if (file.size === 0) return 'fileEmpty';
  return undefined;
}

async function failure(response: Response): Promise<ApiFailure> {
  const parsed = (await response.json().catch(() => undefined)) as
    { error?: { code?: string; message?: string; fields?: FieldError[] } } | undefined;
  const error = parsed?.error;
  const fields = error?.fields ?? [];
  const detail = fields.map((f) => f.message).join('; ');
  return new ApiFailure(
    response.status,
    error?.code ?? 'http_error',
    detail
      ? `${error?.message ?? `HTTP ${response.status}`}: ${detail}`
      : (error?.message ?? `HTTP ${response.status}`),
    fields,
  );
}

async function uploadOne(code: string, upload: PendingUpload, csrfToken: string, lang: string) {
  const response = await fetch(
    `/api/dossiers/${encodeURIComponent(code)}/documents/${encodeURIComponent(upload.component)}`,
    {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'accept-language': lang,
        'content-type': upload.local.file.type,
        'x-csrf-token': csrfToken,
      },
      body: upload.local.file,
    },
  );
  if (!response.ok) throw await failure(response);
  return (await response.json()) as UploadedDocumentAnswer;
}

/** Uploads one after another (each attaches to the dossier in one guarded update); failures are returned, not thrown. */
export async function uploadDocuments(
  code: string,
  uploads: PendingUpload[],
  lang: string,
): Promise<UploadOutcome> {
  const outcome: UploadOutcome = { uploaded: [], failed: [] };
  if (!uploads.length) return outcome;
  // The raw-body upload is not JSON, so it bypasses api(); the session hands out the CSRF token writes need.
  const { csrfToken } = await api<SessionAnswer>('GET', '/api/auth/session');
  for (const upload of uploads) {
    try {
      outcome.uploaded.push({ ...(await uploadOne(code, upload, csrfToken, lang)), local: upload.local });
    } catch (error) {
      outcome.failed.push({ ...upload, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcome;
}

/** The receipt slip once issued, with the appointment the intake worker computed. */
export async function receiptSlip(
  code: string,
): Promise<{ slip?: IssuedSlip; appointmentAt?: string; processStarted: boolean }> {
  const dossier = await workspaceApi.dossier(code);
  return {
    slip: dossier.slips?.find((s) => s.kind === '01'),
    ...(dossier.appointmentAt ? { appointmentAt: dossier.appointmentAt } : {}),
    processStarted: dossier.timeline.some((e) => e.action === 'process.started'),
  };
}

/** The stored copy of an uploaded file, served inline to the dossier's agency (the document viewer's URL). */
export const storedFileUrl = (code: string, fileId: string) =>
  `/api/dossiers/${encodeURIComponent(code)}/document-files/${encodeURIComponent(fileId)}`;

export const slipUrl = (code: string, slip: IssuedSlip) =>
  `/api/dossiers/${encodeURIComponent(code)}/slips/${encodeURIComponent(slip.number)}.pdf`;
