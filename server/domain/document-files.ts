// The GridFS bucket `documents` and who a stored file belongs to. Every file is stored with the dossier code and
// component it was uploaded for (metadata), and that binding is what counts: a dossier lists a file id only
// when the file was uploaded for that dossier and component, and a file is served only through the dossier it
// belongs to. File ids are ObjectIds, close to a counter, so being listed or guessed proves nothing.
import mongoose from 'mongoose';
import { badRequest, type FieldError } from '../errors/api-error';

export interface DocumentFileMetadata {
  contentType?: string;
  dossierCode?: string;
  /** The component id, or `result` for a result document. */
  component?: string;
  /** Pages as the parser counted them at upload. */
  pages?: number;
  filename?: string;
}

export function documentBucket() {
  const db = mongoose.connection.db;
  if (!db) throw new Error('Chưa kết nối kho dữ liệu');
  return new mongoose.mongo.GridFSBucket(db, { bucketName: 'documents' });
}

/** The stored file when it exists and was uploaded for this dossier (and this component, when given). */
export async function dossierFile(dossierCode: string, fileId: string, component?: string) {
  if (!/^[0-9a-f]{24}$/.test(fileId)) return undefined;
  const [file] = await documentBucket()
    .find({ _id: new mongoose.Types.ObjectId(fileId) })
    .toArray();
  const metadata = (file?.metadata ?? {}) as DocumentFileMetadata;
  if (!file || metadata.dossierCode !== dossierCode) return undefined;
  if (component !== undefined && metadata.component !== component) return undefined;
  return { file, metadata };
}

/**
 * Refuses (400) any `documents[i].fileIds[j]` that is not a file uploaded for this dossier under that component.
 * A dossier being submitted has no code yet (`dossierCode` undefined), so nothing can have been uploaded for it:
 * every file id it lists is refused. All the wrong ids are named at once.
 */
export async function checkListedFiles(
  documents: readonly { component: string; fileIds?: string[] }[],
  dossierCode: string | undefined,
): Promise<void> {
  const listed = documents.flatMap((document, i) =>
    (document.fileIds ?? []).map((fileId, j) => ({ fileId, component: document.component, i, j })),
  );
  if (listed.length === 0) return;
  const ids = listed.filter((l) => /^[0-9a-f]{24}$/.test(l.fileId)).map((l) => l.fileId);
  const stored =
    dossierCode === undefined || ids.length === 0
      ? []
      : await documentBucket()
          .find({ _id: { $in: ids.map((id) => new mongoose.Types.ObjectId(id)) } })
          .toArray();
  const owner = new Map(stored.map((f) => [f._id.toHexString(), (f.metadata ?? {}) as DocumentFileMetadata]));
  const wrong: FieldError[] = listed
    .filter(({ fileId, component }) => {
      const metadata = owner.get(fileId);
      return !metadata || metadata.dossierCode !== dossierCode || metadata.component !== component;
    })
    .map(({ fileId, component, i, j }) => ({
      path: `documents[${i}].fileIds[${j}]`,
      text: {
        vi: `Tệp "${fileId}" không phải tệp đã tải lên cho thành phần "${component}" của hồ sơ này; chỉ gắn được tệp tải lên qua POST /api/dossiers/{mã hồ sơ}/documents/${component}`,
        en: `File "${fileId}" was not uploaded for component "${component}" of this dossier; only files uploaded through POST /api/dossiers/{code}/documents/${component} can be listed`,
      },
    }));
  if (wrong.length) throw badRequest(wrong);
}
