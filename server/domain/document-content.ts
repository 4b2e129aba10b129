// What a stored document really is, read from its bytes, for counter uploads and result documents alike: the
// declared type must match the content's signature (a zip or an HTML page sent as application/pdf is refused),
// a PDF must parse and carry nothing active (server/domain/pdf-inspection), and the page count is the parser's.
// Refusals are 415 with a Vietnamese message naming the field and the file.
import { ApiError } from '../errors/api-error';
import { inspectPdf, maxPdfPages, type PdfProblem } from './pdf-inspection';

export const documentTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentType = (typeof documentTypes)[number];

/** The first bytes of each accepted type. */
const signatures: Record<DocumentType, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

const extensions: Record<DocumentType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

/** The file name extension of a stored type (`bin` for a type stored before types were checked). */
export const documentExtension = (contentType: string): string =>
  extensions[contentType as DocumentType] ?? 'bin';

export interface DocumentContent {
  contentType: DocumentType;
  /** The PDF's pages as its parser counts them; an image is one page. */
  pages: number;
}

const pdfProblems: Record<PdfProblem, (detail?: string) => { vi: string; en: string }> = {
  unreadable: () => ({
    vi: 'không đọc được như một tệp PDF hợp lệ',
    en: 'cannot be read as a valid PDF',
  }),
  'active-content': (detail) => ({
    vi: `chứa nội dung thực thi hoặc tệp đính kèm (${detail}); chỉ nhận PDF không có JavaScript, lệnh mở chương trình hay tệp nhúng`,
    en: `carries active content or an attachment (${detail}); only PDFs without JavaScript, launch actions or embedded files are accepted`,
  }),
  encrypted: () => ({
    vi: 'được mã hóa hoặc đặt mật khẩu; hãy gửi bản không mã hóa',
    en: 'is encrypted or password-protected; send an unencrypted copy',
  }),
  'too-many-pages': (detail) => ({
    vi: `có ${detail} trang, quá ${maxPdfPages} trang cho một tệp`,
    en: `has ${detail} pages, more than ${maxPdfPages} for one file`,
  }),
};

function refused(path: string, file: string, text: { vi: string; en: string }): ApiError {
  return new ApiError(415, 'validation_failed', {}, [
    { path, text: { vi: `Tệp ${file} (${path}) ${text.vi}`, en: `File ${file} (${path}) ${text.en}` } },
  ]);
}

/**
 * The document's type and pages when its bytes are what `declaredType` says and it is safe to keep; 415 naming
 * `path` otherwise. `file` names it in the message (its file name, or "tải lên").
 */
export async function inspectDocument(
  content: Buffer,
  declaredType: string,
  where: { path: string; file: string },
): Promise<DocumentContent> {
  const type = documentTypes.find((t) => t === declaredType);
  if (!type) {
    throw refused(where.path, where.file, {
      vi: `có loại "${declaredType || '(không có)'}" không được nhận; chỉ nhận ${documentTypes.join(', ')}`,
      en: `has type "${declaredType || '(none)'}", which is not accepted; only ${documentTypes.join(', ')}`,
    });
  }
  if (!signatures[type].every((byte, i) => content[i] === byte)) {
    throw refused(where.path, where.file, {
      vi: `không phải ${type} như đã khai (nội dung không khớp loại tệp); chỉ nhận ${documentTypes.join(', ')}`,
      en: `is not the ${type} it is declared as (the content does not match); only ${documentTypes.join(', ')}`,
    });
  }
  if (type !== 'application/pdf') return { contentType: type, pages: 1 };
  const pdf = await inspectPdf(content);
  if (!pdf.ok) throw refused(where.path, where.file, pdfProblems[pdf.problem](pdf.detail));
  return { contentType: type, pages: pdf.pages };
}
