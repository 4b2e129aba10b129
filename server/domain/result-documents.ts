// Result documents (giấy tờ kết quả), e.g. the signed birth certificate scan: uploaded by an officer or leader of
// the agency deciding the dossier now or of the agency returning it (the receiving counter), stored in the
// GridFS bucket `documents`, and listed on the dossier's result with a timeline event in one update. The
// result.return step records them and the applicant's e-mail names them.
import { createHash } from 'node:crypto';
import type { Types } from 'mongoose';
import { displayTextMessages, displayTextProblem } from '../api-schemas/display-text';
import { ApiError, badRequest, notFound } from '../errors/api-error';
import type { AuthUser } from '../auth/caller';
import type { UploadedFile } from './uploaded-file';
import type { Dossier, ResultDocument } from '../models/Dossier';
import { documentExtension, inspectDocument, type DocumentContent } from './document-content';
import { documentBucket, dossierFile } from './document-files';
import { dossierInScope } from './dossier-scope';
import type { DossierStatus } from '../../processes/dossier-status';
import { changeDossier } from './dossier-events';

export const resultDocumentLimitBytes = 20 * 1024 * 1024;
export const resultDocumentLimitLabel = '20 MB';
export const maxResultFiles = 10;
/** Processing, awaiting payment, result ready: before the result is handed over. */
export const resultUploadStatuses: readonly DossierStatus[] = [4, 6, 9];

const fieldError = (status: number, path: string, vi: string, en: string) =>
  new ApiError(status, 'validation_failed', {}, [{ path, text: { vi, en } }]);

async function checkFile(file: UploadedFile, index: number): Promise<DocumentContent> {
  const path = `file[${index}]`;
  if (file.content.length === 0) {
    throw fieldError(
      400,
      path,
      `Tệp "${file.filename}" (file) không có nội dung`,
      `File "${file.filename}" is empty`,
    );
  }
  return inspectDocument(file.content, file.contentType, { path, file: `"${file.filename}"` });
}

/** The `name` and `file` parts of the form, checked; Vietnamese errors naming the field. */
export async function resultDocumentInput(form: { fields: Record<string, string>; files: UploadedFile[] }) {
  const name = (form.fields.name ?? '').normalize('NFC').trim();
  if (!name) {
    throw fieldError(
      400,
      'name',
      'Tên giấy tờ kết quả (name) là bắt buộc, ví dụ "Giấy khai sinh (bản chính)"',
      'The result document name (name) is required',
    );
  }
  if (name.length > 200) {
    throw fieldError(
      400,
      'name',
      'Tên giấy tờ kết quả (name) dài quá 200 ký tự',
      'name is longer than 200 characters',
    );
  }
  // A multipart part, so not through the API schemas: the same rules as every other name.
  const problem = displayTextProblem('name', name);
  if (problem) throw badRequest([{ path: 'name', key: displayTextMessages[problem] }]);
  const unknown = [...Object.keys(form.fields), ...form.files.map((f) => f.field)].find(
    (field) => field !== 'name' && field !== 'file',
  );
  if (unknown) {
    throw fieldError(
      400,
      unknown,
      `Trường "${unknown}" không được phép`,
      `Field "${unknown}" is not allowed`,
    );
  }
  const files = form.files.filter((f) => f.field === 'file');
  if (files.length === 0) {
    throw fieldError(
      400,
      'file',
      'Cần đính kèm ít nhất một tệp kết quả (file)',
      'At least one file (file) is required',
    );
  }
  if (files.length > maxResultFiles) {
    throw fieldError(
      400,
      'file',
      `Tối đa ${maxResultFiles} tệp (file) cho một giấy tờ kết quả`,
      `At most ${maxResultFiles} files (file) per result document`,
    );
  }
  const checked: (UploadedFile & DocumentContent)[] = [];
  for (const [i, file] of files.entries()) checked.push({ ...file, ...(await checkFile(file, i)) });
  return { name, files: checked };
}

async function storeFile(file: UploadedFile & DocumentContent, dossierCode: string): Promise<Types.ObjectId> {
  const upload = documentBucket().openUploadStream(`${dossierCode}-ket-qua-${file.filename}`.slice(0, 200), {
    metadata: {
      contentType: file.contentType,
      dossierCode,
      component: 'result',
      filename: file.filename,
      pages: file.pages,
    },
  });
  await new Promise<void>((resolve, reject) => {
    upload.once('finish', () => resolve());
    upload.once('error', reject);
    upload.end(file.content);
  });
  return upload.id as Types.ObjectId;
}

/** Officers and leaders of the agency deciding it now, or of the agency that returns the result. */
function assertResultAgency(user: AuthUser, dossier: Pick<Dossier, 'currentAgency' | 'receivingAgency'>) {
  const agency = user.agency?.id.toString();
  if (agency !== dossier.currentAgency.toString() && agency !== dossier.receivingAgency.toString()) {
    throw new ApiError(403, 'forbidden', {}, [
      {
        path: 'code',
        text: {
          vi: 'Chỉ cán bộ của cơ quan đang giải quyết hoặc cơ quan trả kết quả hồ sơ được tải lên giấy tờ kết quả',
          en: 'Only staff of the agency deciding the dossier or of the agency returning it may upload its result',
        },
      },
    ]);
  }
}

function assertOpenForResult(dossier: Pick<Dossier, 'status'>) {
  if (!resultUploadStatuses.includes(dossier.status)) {
    throw fieldError(
      409,
      'status',
      `Hồ sơ ở trạng thái ${dossier.status} không nhận giấy tờ kết quả (chỉ khi đang xử lý, chờ nghĩa vụ tài chính hoặc chờ trả kết quả)`,
      `A dossier in status ${dossier.status} takes no result documents (only while processing, awaiting payment or awaiting return)`,
    );
  }
}

export async function uploadResultDocument(
  user: AuthUser,
  code: string,
  input: Awaited<ReturnType<typeof resultDocumentInput>>,
  now = new Date(),
): Promise<{ document: ResultDocument; documents: ResultDocument[] }> {
  const dossier = await dossierInScope(user, code, {
    _id: 1,
    status: 1,
    currentAgency: 1,
    receivingAgency: 1,
  });
  assertResultAgency(user, dossier);
  assertOpenForResult(dossier);
  const stored: Types.ObjectId[] = [];
  try {
    for (const file of input.files) stored.push(await storeFile(file, code));
    const hashes = input.files.map((f) => createHash('sha256').update(f.content).digest('hex'));
    const document: ResultDocument = {
      name: input.name,
      fileIds: stored.map((id) => id.toHexString()),
      sha256:
        hashes.length === 1
          ? hashes[0]!
          : hashes.reduce((h, one) => h.update(one), createHash('sha256')).digest('hex'),
      uploadedAt: now,
      uploadedBy: user.username,
    };
    // The document and its timeline event in one update, only while the dossier still takes a result.
    const changed = await changeDossier(dossier._id, {
      event: {
        at: now,
        actor: { kind: 'user', userId: user.id, username: user.username },
        action: 'result.document-uploaded',
        ...(user.agency ? { agency: user.agency.id, agencyCode: user.agency.code } : {}),
        note: input.name,
      },
      push: { 'result.documents': document },
      onlyFrom: resultUploadStatuses,
      keepHealth: true,
    });
    if (!changed) {
      throw fieldError(
        409,
        'status',
        'Hồ sơ vừa chuyển sang trạng thái không nhận giấy tờ kết quả',
        'The dossier has just moved to a status that takes no result documents',
      );
    }
    return { document, documents: changed!.result?.documents ?? [document] };
  } catch (error) {
    await Promise.all(
      stored.map((id) =>
        documentBucket()
          .delete(id)
          .catch(() => undefined),
      ),
    );
    throw error;
  }
}

/**
 * A result file the caller may see, for download: listed on the dossier's result and uploaded as a result of this
 * dossier. Named after this dossier and the result document, never after what the file was stored as.
 */
export async function openResultFile(user: AuthUser, code: string, fileId: string) {
  const dossier = await dossierInScope(user, code, { result: 1 });
  const documents = dossier.result?.documents ?? [];
  const listedIn = documents.findIndex((d) => d.fileIds.includes(fileId));
  const stored = listedIn >= 0 ? await dossierFile(code, fileId, 'result') : undefined;
  if (!stored) throw notFound('resource');
  const contentType = stored.metadata.contentType ?? 'application/octet-stream';
  const files = documents[listedIn]!.fileIds;
  const position = files.length > 1 ? `-${files.indexOf(fileId) + 1}` : '';
  return {
    contentType,
    filename: `${code}-ket-qua-${listedIn + 1}${position}.${documentExtension(contentType)}`,
    length: stored.file.length,
    stream: documentBucket().openDownloadStream(stored.file._id),
  };
}
