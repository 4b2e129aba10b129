// Text of a PDF as a reader would copy it, via pdf.js (unpdf's serverless build), lines joined with spaces so
// that wrapped values still match.
import path from 'node:path';
import { definePDFJSModule, extractText, getDocumentProxy } from 'unpdf';

// unpdf loads its pdf.js bundle with a dynamic import that Jest's CommonJS runtime cannot run; hand it the
// bundle by path instead (the project's Jest transform turns the ESM file into CommonJS).
const pdfjsBundle = path.join(path.dirname(require.resolve('unpdf')), 'pdfjs.mjs');
const ready = definePDFJSModule(() => import(pdfjsBundle));

/** The text with runs of white space made one space; characters exactly as the PDF maps them to Unicode. */
export async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  await ready;
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text, totalPages } = await extractText(document, { mergePages: true });
  return { text: text.replace(/\s+/g, ' '), pages: totalPages };
}
