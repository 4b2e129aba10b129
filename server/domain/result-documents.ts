// Result documents (giấy tờ kết quả), e.g. the signed birth certificate scan: uploaded by an officer or leader of
// the agency deciding the dossier now or of the agency returning it (the receiving counter), stored in the
// GridFS bucket `documents`, and listed on the dossier's result with a timeline event in one update. The
// result.return step records them and the applicant's e-mail names them.
import { createHash } from 'node:crypto';
import mongoose, { type Types } from 'mongoose';
import { displayTextMessages, displayTextProblem } from '../api-schemas/display-text';
import { ApiError, badRequest, notFound } from '../errors/api-error';
import type { AuthUser } from '../http/request-context';
import type { FormFile } from '../http/multipart-form';
import { DossierModel, type Dossier, type ResultDocument } from '../models/Dossier';
import { documentTypes } from './document-upload';
import { dossierInScope } from './dossier-scope';
import type { DossierStatus } from './dossier-status';

export const resultDocumentLimitBytes = 20 * 1024 * 1024;
export const resultDocumentLimitLabel = '20 MB';
export const maxResultFiles = 10;
/** Processing, awaiting payment, result ready: before the result is handed over. */
export const resultUploadStatuses: readonly DossierStatus[] = [4, 6, 9];

const fieldError = (status: number, path: string, vi: string, en: string) =>
  new ApiError(status, 'validation_failed', {}, [{ path, text: { vi, en } }]);

/** The first bytes of each accepted type: the declared type must match the content. */
const signatures: Record<(typeof documentTypes)[number], number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

function checkFile(file: FormFile, index: number): (typeof documentTypes)[number] {
  const path = `file[${index}]`;
  const type = documentTypes.find((t) => t === file.contentType);
  if (!type || !signatures[type].every((byte, i) => file.content[i] === byte)) {
    throw fieldError(
      415,
      path,
      `Tệp "${file.filename}" (file) không phải PDF, JPEG hoặc PNG; chỉ nhận ${documentTypes.join(', ')}`,
      `File "${file.filename}" (file) is not a PDF, JPEG or PNG; only ${documentTypes.join(', ')} are accepted`,
    );
  }
  if (file.content.length === 0) {
    throw fieldError(
      400,
      path,
      `Tệp "${file.filename}" (file) không có nội dung`,
      `File "${file.filename}" is empty`,
    );
  }
  return type;
}

/** The `name` and `file` parts of the form, checked; Vietnamese errors naming the field. */
export function resultDocumentInput(form: { fields: Record<string, string>; files: FormFile[] }) {
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
  return { name, files: files.map((file, i) => ({ ...file, contentType: checkFile(file, i) })) };
}

function bucket() {
  const db = mongoose.connection.db;
  if (!db) throw new Error('Chưa kết nối kho dữ liệu');
  return new mongoose.mongo.GridFSBucket(db, { bucketName: 'documents' });
}

async function storeFile(file: FormFile, dossierCode: string): Promise<Types.ObjectId> {
  const upload = bucket().openUploadStream(`${dossierCode}-ket-qua-${file.filename}`.slice(0, 200), {
    metadata: { contentType: file.contentType, dossierCode, component: 'result', filename: file.filename },
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
  input: ReturnType<typeof resultDocumentInput>,
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
    const changed = await DossierModel.findOneAndUpdate(
      { _id: dossier._id, status: { $in: resultUploadStatuses } },
      {
        $push: {
          'result.documents': document,
          timeline: {
            at: now,
            actor: { kind: 'user', userId: user.id, username: user.username },
            action: 'result.document-uploaded',
            ...(user.agency ? { agency: user.agency.id, agencyCode: user.agency.code } : {}),
            note: input.name,
          },
        },
      },
      { returnDocument: 'after', lean: true, projection: { result: 1, status: 1 } },
    );
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
        bucket()
          .delete(id)
          .catch(() => undefined),
      ),
    );
    throw error;
  }
}

/** A result file the caller may see (listed on the dossier's result), with its type, for download. */
export async function openResultFile(user: AuthUser, code: string, fileId: string) {
  const dossier = await dossierInScope(user, code, { result: 1 });
  const listed = (dossier.result?.documents ?? []).some((d) => d.fileIds.includes(fileId));
  if (!listed || !mongoose.isValidObjectId(fileId)) throw notFound('resource');
  const id = new mongoose.Types.ObjectId(fileId);
  const [file] = await bucket().find({ _id: id }).toArray();
  if (!file) throw notFound('resource');
  const metadata = (file.metadata ?? {}) as { contentType?: string; filename?: string };
  return {
    contentType: metadata.contentType ?? 'application/octet-stream',
    filename: metadata.filename ?? `${fileId}`,
    length: file.length,
    stream: bucket().openDownloadStream(id),
  };
}
