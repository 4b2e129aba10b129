// A PDF read by a real parser before a one-stop shop keeps it: its true page count, and whether it carries
// anything that runs or hides a file. The counter takes scans and signed e-documents to read, print and
// archive; a PDF that runs script, launches a program or carries another file inside is never needed for that,
// so it is refused rather than cleaned:
// - JavaScript anywhere (/JS, /JavaScript: document, page, field or annotation actions, /OpenAction and /AA
//   included), XFA forms (scripted) and /RichMedia (embedded players);
// - /Launch actions (open a program or file on the officer's machine);
// - embedded files (/EmbeddedFile(s), /EF file specs, /FileAttachment annotations): a document hidden inside
//   the document, which the officer never sees but the archive keeps;
// - encryption: strings and object streams are then unreadable to this check, and the archive must be able
//   to open the file without a password.
// Links (/URI, /GoTo), a plain /OpenAction view and signatures are kept: signed e-documents carry them.
// Two readings: the file's object syntax is scanned for those names here (object streams decoded), and pdf.js
// parses it in a worker thread (pdf-parser-worker.mjs) for the page count and what it resolves itself.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { constants, inflateSync } from 'node:zlib';

/** A file with more pages than this is refused: a 20 MB file of real pages never has more. */
export const maxPdfPages = 5_000;
/** pdf.js gets this long per file; a file it cannot read in that time is not readable. */
const parseTimeoutMs = 30_000;

export type PdfProblem = 'unreadable' | 'active-content' | 'encrypted' | 'too-many-pages';

export type PdfInspection = { ok: true; pages: number } | { ok: false; problem: PdfProblem; detail?: string };

const refusedNames = new Map<string, string>([
  ['JS', 'JavaScript'],
  ['JavaScript', 'JavaScript'],
  ['XFA', 'XFA'],
  ['RichMedia', 'RichMedia'],
  ['Launch', 'Launch'],
  ['EmbeddedFile', 'EmbeddedFile'],
  ['EmbeddedFiles', 'EmbeddedFile'],
  ['EF', 'EmbeddedFile'],
  ['FileAttachment', 'EmbeddedFile'],
  ['Encrypt', 'Encrypt'],
]);

const whiteSpace = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const delimiters = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));
const isRegular = (code: number) => !whiteSpace.has(code) && !delimiters.has(code);

/**
 * The first refused name in PDF object syntax, lexed as pdf.js does: names (`#xx` escapes decoded) outside
 * strings and comments; stream data skipped (image data would match by chance), except object streams (PDF 1.5
 * keeps dictionaries compressed there), decoded and read too, and data with object definitions in it. Returns
 * `undecodable` when an object stream cannot be decoded.
 */
function refusedName(text: string, raw: Buffer): string | undefined {
  let depth = 0;
  let dictionaryStart = 0;
  let lastDictionary = '';
  let afterDictionary = false;
  for (let at = 0; at < text.length;) {
    const code = text.charCodeAt(at);
    if (whiteSpace.has(code)) {
      at++;
    } else if (code === 0x25 /* % */) {
      while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
    } else if (code === 0x28 /* ( */) {
      // A literal string: balanced parentheses, backslash escapes.
      let nesting = 0;
      for (; at < text.length; at++) {
        const c = text[at];
        if (c === '\\') at++;
        else if (c === '(') nesting++;
        else if (c === ')' && --nesting === 0) break;
      }
      at++;
      afterDictionary = false;
    } else if (text.startsWith('<<', at)) {
      if (depth++ === 0) dictionaryStart = at;
      at += 2;
      afterDictionary = false;
    } else if (text.startsWith('>>', at)) {
      at += 2;
      if (depth > 0 && --depth === 0) {
        lastDictionary = text.slice(dictionaryStart, at);
        afterDictionary = true;
      }
    } else if (code === 0x3c /* < hex string */) {
      const end = text.indexOf('>', at);
      at = end < 0 ? text.length : end + 1;
      afterDictionary = false;
    } else if (code === 0x2f /* / */) {
      let end = at + 1;
      while (end < text.length && isRegular(text.charCodeAt(end))) end++;
      const name = text
        .slice(at + 1, end)
        .replace(/#([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      const refused = refusedNames.get(name);
      if (refused) return refused;
      at = end;
      afterDictionary = false;
    } else if (isRegular(code)) {
      let end = at + 1;
      while (end < text.length && isRegular(text.charCodeAt(end))) end++;
      const word = text.slice(at, end);
      at = end;
      if (word === 'stream' && afterDictionary) {
        if (text[at] === '\r') at++;
        if (text[at] === '\n') at++;
        // The first `endstream` ends the data: pdf.js takes a /Length only when `endstream` follows it.
        const endstream = text.indexOf('endstream', at);
        const dataEnd = endstream < 0 ? text.length : endstream;
        if (/\/Type\s*\/ObjStm\b/.test(lastDictionary)) {
          if (!/^<<[^]*\/Filter\s*\/FlateDecode\b/.test(lastDictionary)) return 'undecodable';
          let objects: Buffer;
          try {
            // Sync flush: the end-of-line before `endstream` can leave the data looking unfinished to zlib.
            objects = inflateSync(raw.subarray(at, dataEnd), { finishFlush: constants.Z_SYNC_FLUSH });
          } catch {
            return 'undecodable';
          }
          const inside = refusedName(objects.toString('latin1'), objects);
          if (inside) return inside;
        } else if (/\d+\s+\d+\s+obj\b/.test(text.slice(at, dataEnd))) {
          // Objects written inside stream data: pdf.js finds them when it rebuilds a broken cross-reference
          // table, so they are read as objects here too.
          const inside = refusedName(text.slice(at, dataEnd), raw.subarray(at, dataEnd));
          if (inside) return inside;
        }
        at = endstream < 0 ? text.length : endstream + 'endstream'.length;
      }
      afterDictionary = false;
    } else {
      at++;
      afterDictionary = false;
    }
  }
  return undefined;
}

function parseInWorker(content: Buffer): Promise<PdfInspection> {
  return new Promise((resolve) => {
    const worker = new Worker(path.join(__dirname, 'pdf-parser-worker.mjs'), {
      workerData: { content: new Uint8Array(content), maxPages: maxPdfPages },
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    const done = (result: PdfInspection) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () => done({ ok: false, problem: 'unreadable', detail: 'timeout' }),
      parseTimeoutMs,
    );
    worker.once('message', (answer: { pages?: number; problem?: PdfProblem; detail?: string }) =>
      done(
        answer.problem
          ? { ok: false, problem: answer.problem, ...(answer.detail ? { detail: answer.detail } : {}) }
          : { ok: true, pages: answer.pages! },
      ),
    );
    worker.once('error', () => done({ ok: false, problem: 'unreadable' }));
  });
}

export async function inspectPdf(content: Buffer): Promise<PdfInspection> {
  // A PDF ends with %%EOF (readers look for it in the last 1,024 bytes); without it pdf.js would spend seconds
  // reconstructing a file that is not one.
  if (!content.subarray(-1024).toString('latin1').includes('%%EOF'))
    return { ok: false, problem: 'unreadable' };
  const found = refusedName(content.toString('latin1'), content);
  if (found === 'undecodable') return { ok: false, problem: 'unreadable', detail: 'ObjStm' };
  if (found === 'Encrypt') return { ok: false, problem: 'encrypted' };
  if (found) return { ok: false, problem: 'active-content', detail: found };
  return parseInWorker(content);
}
