// A bounded multipart/form-data body (RFC 7578) read into memory: text fields and file parts. Parsing is
// busboy's (the parser behind multer); this file bounds the whole body, so a too-large upload is refused with
// 413 as soon as it passes the limit, never buffered whole, and turns parser failures into our error format.
import type { Request } from 'express';
import busboy from 'busboy';
import type { UploadedFile } from '../domain/uploaded-file';
import { ApiError } from '../errors/api-error';

export type FormFile = UploadedFile;

export interface MultipartForm {
  fields: Record<string, string>;
  files: FormFile[];
}

const fieldError = (status: number, path: string, vi: string, en: string) =>
  new ApiError(status, 'validation_failed', {}, [{ path, text: { vi, en } }]);

const malformed = () =>
  fieldError(
    400,
    'body',
    'Nội dung multipart/form-data không hợp lệ',
    'The multipart/form-data body is malformed',
  );

function checkContentType(req: Request): void {
  const header = req.get('content-type') ?? '';
  const type = header.split(';')[0]!.trim();
  if (type.toLowerCase() !== 'multipart/form-data') {
    throw fieldError(
      415,
      'content-type',
      `Loại nội dung "${type || '(không có)'}" không được nhận; gửi multipart/form-data`,
      `Content type "${type || '(none)'}" is not accepted; send multipart/form-data`,
    );
  }
  if (!/;\s*boundary=/i.test(header)) {
    throw fieldError(
      400,
      'content-type',
      'Thiếu tham số boundary của multipart/form-data',
      'The multipart/form-data boundary parameter is missing',
    );
  }
}

export async function readMultipartForm(
  req: Request,
  options: { limitBytes: number; limitLabel: string },
): Promise<MultipartForm> {
  checkContentType(req);
  const tooLarge = () => new ApiError(413, 'payload_too_large', { limit: options.limitLabel });
  if (Number(req.get('content-length') ?? 0) > options.limitBytes) throw tooLarge();

  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, defParamCharset: 'utf8' });
  } catch {
    throw malformed();
  }
  const form: MultipartForm = { fields: {}, files: [] };
  return new Promise<MultipartForm>((resolve, reject) => {
    let received = 0;
    let failed = false;
    const fail = (error: ApiError) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      req.resume();
      reject(error);
    };
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > options.limitBytes) fail(tooLarge());
    });
    parser.on('field', (name, value) => {
      form.fields[name] = value;
    });
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () =>
        form.files.push({
          field,
          filename: info.filename ?? '',
          contentType: (info.mimeType || 'application/octet-stream').toLowerCase(),
          content: Buffer.concat(chunks),
        }),
      );
    });
    parser.on('error', () => fail(malformed()));
    parser.on('close', () => {
      if (!failed) resolve(form);
    });
    req.pipe(parser);
  });
}
