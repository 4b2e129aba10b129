// Sends a file from the store (GridFS) inline, with its stored type and the name the caller gives it (built from
// the dossier it is fetched through, never the name it was stored under); nosniff so a browser never
// reinterprets an uploaded file as something it could run.
import type { Response } from 'express';

export interface StoredFile {
  contentType: string;
  filename: string;
  length: number;
  stream: AsyncIterable<Buffer | Uint8Array>;
}

export async function sendStoredFile(res: Response, file: StoredFile): Promise<void> {
  res.type(file.contentType);
  res.setHeader('Content-Length', String(file.length));
  res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  for await (const chunk of file.stream) res.write(chunk);
  res.end();
}
