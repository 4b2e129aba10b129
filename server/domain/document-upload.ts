// A scanned or electronic document uploaded at the counter: the raw body (PDF, JPEG or PNG, bounded, its bytes
// checked against the declared type) goes into the GridFS bucket `documents`, bound to the dossier and component
// it was uploaded for, and its file id onto the dossier's entry for the component in one update of the dossier;
// if that update fails the file is deleted, so no file is left without a dossier pointing at it.
import type { Request } from 'express';
import type { Types } from 'mongoose';
import { ApiError } from '../errors/api-error';
import type { AuthUser } from '../auth/caller';
import { DossierModel } from '../models/Dossier';
import { documentExtension, documentTypes, inspectDocument } from './document-content';
import { documentBucket, dossierFile, type DocumentFileMetadata } from './document-files';
import { changeDossier } from './dossier-events';
import { dossierInScope } from './dossier-scope';

export const documentLimitBytes = 20 * 1024 * 1024;
const limitLabel = '20 MB';

const tooLarge = () => new ApiError(413, 'payload_too_large', { limit: limitLabel });

function unsupportedType(type: string): ApiError {
  return new ApiError(415, 'validation_failed', {}, [
    {
      path: 'content-type',
      text: {
        vi: `Loại tệp "${type}" không được nhận; chỉ nhận ${documentTypes.join(', ')}`,
        en: `Files of type "${type}" are not accepted; only ${documentTypes.join(', ')}`,
      },
    },
  ]);
}

/** The body's content type if it is one we store; 415 naming the type otherwise. */
export function documentType(req: Request): (typeof documentTypes)[number] {
  const type = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const known = documentTypes.find((t) => t === type);
  if (!known) throw unsupportedType(type || '(không có)');
  return known;
}

/** Reads the body up to the limit; 413 as soon as it is exceeded, without buffering the rest. */
export async function readDocumentBody(req: Request): Promise<Buffer> {
  const declared = Number(req.get('content-length') ?? 0);
  if (declared > documentLimitBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > documentLimitBytes) {
      req.unpipe();
      req.resume();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  if (size === 0) {
    throw new ApiError(400, 'validation_failed', {}, [
      { path: 'body', text: { vi: 'Tệp tải lên không có nội dung', en: 'The uploaded file is empty' } },
    ]);
  }
  return Buffer.concat(chunks);
}

async function storeFile(
  content: Buffer,
  metadata: Required<Pick<DocumentFileMetadata, 'contentType' | 'dossierCode' | 'component' | 'pages'>>,
): Promise<Types.ObjectId> {
  const upload = documentBucket().openUploadStream(`${metadata.dossierCode}-${metadata.component}`, {
    metadata,
  });
  await new Promise<void>((resolve, reject) => {
    upload.once('finish', () => resolve());
    upload.once('error', reject);
    upload.end(content);
  });
  return upload.id as Types.ObjectId;
}

/**
 * Adds the file to the component's entry, or a new entry when the dossier has none for it. The entry is replaced
 * whole (one operator: the embedded store refuses two operators on one array), guarded by its file count so a
 * concurrent upload is not overwritten; false when the guard did not match.
 */
async function attach(dossierId: Types.ObjectId, component: string, fileId: string): Promise<boolean> {
  const current = await DossierModel.findById(dossierId, { documents: 1 }).lean();
  const entry = current?.documents.find((d) => d.component === component);
  if (entry) {
    const replaced = await changeDossier(dossierId, {
      setInArrays: {
        set: { 'documents.$[entry]': { ...entry, fileIds: [...entry.fileIds, fileId], digitised: false } },
        arrayFilters: [{ 'entry.component': component }],
      },
      guard: { documents: { $elemMatch: { component, fileIds: { $size: entry.fileIds.length } } } },
    });
    return !!replaced;
  }
  const added = await changeDossier(dossierId, {
    push: { documents: { component, fileIds: [fileId], digitised: false, original: true } },
    guard: { 'documents.component': { $ne: component } },
  });
  return !!added;
}

export interface UploadedDocument {
  fileId: string;
  component: string;
  contentType: string;
  size: number;
}

export async function uploadDocument(
  user: AuthUser,
  code: string,
  component: string,
  contentType: string,
  content: Buffer,
): Promise<UploadedDocument> {
  const dossier = await dossierInScope(user, code, { _id: 1, procedure: 1 });
  if (!dossier.procedure.components.some((c) => c.id === component)) {
    throw new ApiError(404, 'validation_failed', {}, [
      {
        path: 'component',
        text: {
          vi: `Thủ tục không có thành phần hồ sơ "${component}"`,
          en: `The procedure has no component "${component}"`,
        },
      },
    ]);
  }
  const checked = await inspectDocument(content, contentType, { path: 'body', file: 'tải lên' });
  const fileId = await storeFile(content, {
    contentType: checked.contentType,
    dossierCode: code,
    component,
    pages: checked.pages,
  });
  try {
    // Two tries: a concurrent upload may change the component's entry between our read and our update.
    const attached =
      (await attach(dossier._id, component, fileId.toHexString())) ||
      (await attach(dossier._id, component, fileId.toHexString()));
    if (!attached) throw new Error(`Không gắn được tệp vào hồ sơ ${code}`);
  } catch (error) {
    await documentBucket()
      .delete(fileId)
      .catch(() => undefined);
    throw error;
  }
  return { fileId: fileId.toHexString(), component, contentType, size: content.length };
}

/**
 * A document file the caller may see, for the viewer: listed under a component of a dossier in their scope and
 * uploaded for that dossier and component (a listed id alone proves nothing). Named after this dossier.
 */
export async function openDocumentFile(user: AuthUser, code: string, fileId: string) {
  const dossier = await dossierInScope(user, code, { documents: 1 });
  const entry = dossier.documents.find((d) => d.fileIds.includes(fileId));
  const stored = entry && (await dossierFile(code, fileId, entry.component));
  if (!entry || !stored) throw notFoundFile();
  const contentType = stored.metadata.contentType ?? 'application/octet-stream';
  const position = entry.fileIds.length > 1 ? `-${entry.fileIds.indexOf(fileId) + 1}` : '';
  return {
    contentType,
    filename: `${code}-${entry.component}${position}.${documentExtension(contentType)}`,
    length: stored.file.length,
    stream: documentBucket().openDownloadStream(stored.file._id),
  };
}

const notFoundFile = () => new ApiError(404, 'not_found', { what: 'resource' });
