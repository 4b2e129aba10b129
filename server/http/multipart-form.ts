// A bounded multipart/form-data body (RFC 7578) read into memory: text fields and file parts. Bounded on the
// whole body, so a too-large upload is refused with 413 as soon as it passes the limit, never buffered whole.
import type { Request } from 'express';
import { ApiError } from '../errors/api-error';

export interface FormFile {
  field: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface MultipartForm {
  fields: Record<string, string>;
  files: FormFile[];
}

const fieldError = (status: number, path: string, vi: string, en: string) =>
  new ApiError(status, 'validation_failed', {}, [{ path, text: { vi, en } }]);

/** The boundary of a multipart/form-data request; 415 naming the content type otherwise. */
function boundaryOf(req: Request): string {
  const header = req.get('content-type') ?? '';
  const [type = '', ...params] = header.split(';').map((p) => p.trim());
  if (type.toLowerCase() !== 'multipart/form-data') {
    throw fieldError(
      415,
      'content-type',
      `Loại nội dung "${type || '(không có)'}" không được nhận; gửi multipart/form-data`,
      `Content type "${type || '(none)'}" is not accepted; send multipart/form-data`,
    );
  }
  const param = params.find((p) => p.toLowerCase().startsWith('boundary='));
  const boundary = param?.slice('boundary='.length).replace(/^"|"$/g, '');
  if (!boundary || boundary.length > 70) {
    throw fieldError(
      400,
      'content-type',
      'Thiếu tham số boundary của multipart/form-data',
      'The multipart/form-data boundary parameter is missing',
    );
  }
  return boundary;
}

async function readBounded(req: Request, limitBytes: number, limitLabel: string): Promise<Buffer> {
  const tooLarge = () => new ApiError(413, 'payload_too_large', { limit: limitLabel });
  if (Number(req.get('content-length') ?? 0) > limitBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) {
      req.unpipe();
      req.resume();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** `name="x"` parameters of a Content-Disposition header (quoted or not; RFC 5987 `filename*` preferred). */
function dispositionParams(value: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const match of value.matchAll(/;\s*([\w*-]+)=("((?:[^"\\]|\\.)*)"|[^;]*)/g)) {
    const name = match[1]!.toLowerCase();
    const raw = match[3] !== undefined ? match[3].replace(/\\(.)/g, '$1') : match[2]!.trim();
    if (name === 'filename*') {
      const encoded = /^utf-8''(.*)$/i.exec(raw)?.[1];
      if (encoded !== undefined) params.filename = decodeURIComponent(encoded);
    } else if (!(name === 'filename' && params.filename !== undefined)) {
      params[name] = raw;
    }
  }
  return params;
}

export async function readMultipartForm(
  req: Request,
  options: { limitBytes: number; limitLabel: string },
): Promise<MultipartForm> {
  const boundary = boundaryOf(req);
  const body = await readBounded(req, options.limitBytes, options.limitLabel);
  const malformed = () =>
    fieldError(
      400,
      'body',
      'Nội dung multipart/form-data không hợp lệ',
      'The multipart/form-data body is malformed',
    );
  const delimiter = Buffer.from(`--${boundary}`);
  const form: MultipartForm = { fields: {}, files: [] };
  let at = body.indexOf(delimiter);
  if (at < 0) throw malformed();
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString('latin1') === '--') return form;
    if (body.subarray(at, at + 2).toString('latin1') !== '\r\n') throw malformed();
    const headersEnd = body.indexOf('\r\n\r\n', at + 2);
    if (headersEnd < 0) throw malformed();
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headersEnd + 4);
    if (next < 0) throw malformed();
    const headers = new Map<string, string>();
    for (const line of body
      .subarray(at + 2, headersEnd)
      .toString('utf8')
      .split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const disposition = dispositionParams(headers.get('content-disposition') ?? '');
    const field = disposition.name;
    if (!field) throw malformed();
    const content = body.subarray(headersEnd + 4, next);
    if (disposition.filename !== undefined) {
      form.files.push({
        field,
        filename: disposition.filename,
        contentType: (headers.get('content-type') ?? 'application/octet-stream').split(';')[0]!.toLowerCase(),
        content: Buffer.from(content),
      });
    } else {
      form.fields[field] = content.toString('utf8');
    }
    at = next + 2;
  }
}
