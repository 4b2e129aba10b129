// A file as a request brought it in (one part of a multipart body), before the domain checks and stores it.
export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  content: Buffer;
}
