// Drawing blocks shared by the forms: page set-up, the two-column heading with the national motto, titles,
// labelled fields, bordered tables that break across pages, signature blocks.
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { slipFonts, type SlipFont } from './fonts';
import { onDayVi, orBlank, slipNumber } from './wording';
import type { SlipAgency, SlipApplicant, SlipHeading } from './types';

export type Doc = PDFKit.PDFDocument;
export type PageFormat = 'A5' | 'A4' | 'A4-landscape';

const baseSize: Record<PageFormat, number> = { A5: 9, A4: 11, 'A4-landscape': 8.5 };

let loadedFonts: [string, Buffer][] | undefined;

/** The font files, read once per process. */
function fontBytes(): [string, Buffer][] {
  loadedFonts ??= Object.entries(slipFonts).map(([name, file]) => [name, readFileSync(file)]);
  return loadedFonts;
}

export function renderDocument(format: PageFormat, title: string, draw: (doc: Doc) => void): Promise<Buffer> {
  const margins =
    format === 'A5'
      ? { top: 28, bottom: 28, left: 36, right: 28 }
      : { top: 42, bottom: 42, left: 56, right: 42 };
  const doc = new PDFDocument({
    size: format === 'A5' ? 'A5' : 'A4',
    layout: format === 'A4-landscape' ? 'landscape' : 'portrait',
    margins,
    info: { Title: title, Creator: 'Một cửa', Producer: 'Một cửa' },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [name, bytes] of fontBytes()) doc.registerFont(name, bytes);
  doc.font('regular').fontSize(baseSize[format]);
  draw(doc);
  doc.end();
  return done;
}

export const bodySize = (doc: Doc): number =>
  doc.page.width < 500
    ? baseSize.A5
    : doc.page.width > doc.page.height
      ? baseSize['A4-landscape']
      : baseSize.A4;

export const contentLeft = (doc: Doc): number => doc.page.margins.left;
export const contentWidth = (doc: Doc): number =>
  doc.page.width - doc.page.margins.left - doc.page.margins.right;
const contentBottom = (doc: Doc): number => doc.page.height - doc.page.margins.bottom;

/** Starts a new page when fewer than `height` points are left. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > contentBottom(doc)) doc.addPage();
}

function fittedSize(doc: Doc, font: SlipFont, text: string, width: number, max: number): number {
  doc.font(font).fontSize(max);
  const natural = doc.widthOfString(text);
  return natural <= width ? max : Math.floor((max * width * 10) / natural) / 10;
}

function centredRule(doc: Doc, x: number, width: number, ruleWidth: number): void {
  const y = doc.y + 1;
  doc
    .moveTo(x + (width - ruleWidth) / 2, y)
    .lineTo(x + (width + ruleWidth) / 2, y)
    .lineWidth(0.6)
    .stroke();
  doc.y = y + 3;
}

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Agency on the left, national motto on the right, then "Số: …" and "<place>, ngày … tháng … năm …". */
export function drawHeading(
  doc: Doc,
  agency: SlipAgency,
  options: { numberLine?: string; place?: string; issuedAt?: Date } = {},
): void {
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  const size = bodySize(doc);
  const top = doc.y;
  const leftWidth = width * 0.42;
  const rightX = left + leftWidth + 4;
  const rightWidth = width - leftWidth - 4;

  if (agency.parentName) {
    doc.font('regular').fontSize(size - 0.5);
    doc.text(agency.parentName.toUpperCase(), left, top, { width: leftWidth, align: 'center' });
  } else doc.y = top;
  doc.font('bold').fontSize(size - 0.5);
  doc.text(agency.name.toUpperCase(), left, doc.y, { width: leftWidth, align: 'center' });
  centredRule(doc, left, leftWidth, leftWidth * 0.3);
  if (options.numberLine) {
    doc.font('regular').fontSize(size);
    doc.text(options.numberLine, left, doc.y + 2, { width: leftWidth, align: 'center' });
  }
  const leftBottom = doc.y;

  doc.fontSize(fittedSize(doc, 'bold', NATIONAL_NAME, rightWidth, size));
  doc.text(NATIONAL_NAME, rightX, top, { width: rightWidth, align: 'center' });
  doc.font('bold').fontSize(size);
  doc.text(NATIONAL_MOTTO, rightX, doc.y, { width: rightWidth, align: 'center' });
  centredRule(doc, rightX, rightWidth, doc.widthOfString(NATIONAL_MOTTO));
  if (options.issuedAt || options.place) {
    doc.font('italic').fontSize(size);
    doc.text(`${orBlank(options.place)}, ${onDayVi(options.issuedAt)}`, rightX, doc.y + 2, {
      width: rightWidth,
      align: 'center',
    });
  }
  doc.font('regular').fontSize(size);
  doc.x = left;
  doc.y = Math.max(leftBottom, doc.y) + size * 1.2;
}

/** The heading of a numbered slip (Mẫu 01–05): "Số: <number>/<the form's suffix>", the place and the date. */
export function drawNumberedHeading(doc: Doc, heading: SlipHeading, suffix: string): void {
  drawHeading(doc, heading.agency, {
    numberLine: `Số: ${slipNumber(heading.number, suffix)}`,
    place: heading.place,
    issuedAt: heading.issuedAt,
  });
}

export function drawTitle(doc: Doc, title: string, subtitle?: string): void {
  const size = bodySize(doc);
  doc.font('bold').fontSize(size + 2.5);
  doc.text(title, contentLeft(doc), doc.y, { width: contentWidth(doc), align: 'center' });
  if (subtitle) {
    doc.font('italic').fontSize(size);
    doc.text(subtitle, contentLeft(doc), doc.y + 1, { width: contentWidth(doc), align: 'center' });
  }
  doc.font('regular').fontSize(size);
  doc.moveDown(0.8);
}

/** Text runs in changing fonts that flow as one paragraph. */
export type Run = [font: SlipFont, text: string];

export function paragraph(
  doc: Doc,
  runs: Run[],
  options: { indent?: number; align?: 'left' | 'justify' } = {},
): void {
  const left = contentLeft(doc) + (options.indent ?? 0);
  const width = contentWidth(doc) - (options.indent ?? 0);
  runs.forEach(([font, text], i) => {
    doc.font(font);
    const continued = i < runs.length - 1;
    if (i === 0) doc.text(text, left, doc.y, { width, continued, align: options.align ?? 'left' });
    else doc.text(text, { continued });
  });
  doc.font('regular');
  doc.moveDown(0.15);
}

/** "Label: value" with the value in bold; several pairs share a line. */
export function fields(doc: Doc, pairs: [label: string, value: string | undefined][], indent = 0): void {
  const runs: Run[] = [];
  pairs.forEach(([label, value], i) => {
    runs.push(['regular', `${i > 0 ? '     ' : ''}${label}: `]);
    runs.push(['bold', orBlank(value)]);
  });
  paragraph(doc, runs, { indent, align: 'left' });
}

export interface Column {
  header: string;
  /** Relative width. */
  weight: number;
  align?: 'left' | 'center' | 'right';
}

/** A bordered table; rows that do not fit start a new page, which repeats the header row. */
export function table(
  doc: Doc,
  columns: Column[],
  rows: string[][],
  options: { fontSize?: number } = {},
): void {
  const size = options.fontSize ?? bodySize(doc);
  const padding = 3;
  const left = contentLeft(doc);
  const totalWeight = columns.reduce((sum, column) => sum + column.weight, 0);
  const widths = columns.map((column) => (column.weight / totalWeight) * contentWidth(doc));

  const rowHeight = (cells: string[], font: SlipFont) => {
    doc.font(font).fontSize(size);
    const heights = cells.map((cell, i) =>
      doc.heightOfString(cell || ' ', { width: (widths[i] ?? 0) - 2 * padding }),
    );
    return Math.max(...heights) + 2 * padding;
  };
  const drawRow = (cells: string[], font: SlipFont, height: number) => {
    let x = left;
    const y = doc.y;
    cells.forEach((cell, i) => {
      const width = widths[i] ?? 0;
      doc.lineWidth(0.5).rect(x, y, width, height).stroke();
      doc.font(font).fontSize(size);
      const align = font === 'bold' ? 'center' : (columns[i]?.align ?? 'left');
      doc.text(cell, x + padding, y + padding, { width: width - 2 * padding, align });
      x += width;
    });
    doc.x = left;
    doc.y = y + height;
  };

  const headers = columns.map((column) => column.header);
  const headerHeight = rowHeight(headers, 'bold');
  ensureSpace(doc, headerHeight + size * 2);
  drawRow(headers, 'bold', headerHeight);
  for (const row of rows) {
    const height = rowHeight(row, 'regular');
    if (doc.y + height > contentBottom(doc)) {
      doc.addPage();
      drawRow(headers, 'bold', headerHeight);
    }
    drawRow(row, 'regular', height);
  }
  doc.font('regular').fontSize(bodySize(doc));
  doc.x = left;
  doc.moveDown(0.6);
}

export interface SignatureBlock {
  title: string;
  hint?: string;
  name?: string;
}

/** Signature blocks side by side, each with its title, "(Ký và ghi rõ họ tên)" and the name under the space. */
export function signatures(doc: Doc, blocks: SignatureBlock[]): void {
  const size = bodySize(doc);
  ensureSpace(doc, size * 7.5);
  const top = doc.y + size * 0.6;
  // One signer signs on the right half, as on the paper forms.
  const columns = Math.max(blocks.length, 2);
  const width = contentWidth(doc) / columns;
  let bottom = top;
  blocks.forEach((block, i) => {
    const x = contentLeft(doc) + (i + columns - blocks.length) * width;
    doc.font('bold').fontSize(size);
    doc.text(block.title, x, top, { width, align: 'center' });
    doc.font('italic');
    doc.text(block.hint ?? '(Ký và ghi rõ họ tên)', x, doc.y, { width, align: 'center' });
    if (block.name) {
      doc.font('bold');
      doc.text(block.name, x, doc.y + size * 3.5, { width, align: 'center' });
    }
    bottom = Math.max(bottom, doc.y);
  });
  doc.font('regular');
  doc.x = contentLeft(doc);
  doc.y = bottom + size;
}

/**
 * "Mã hồ sơ" when there is one, "<agency> tiếp nhận hồ sơ của: <applicant>", their contact lines and the
 * request: Mẫu 01 and 03 alike.
 */
export function receivedFromBlock(
  doc: Doc,
  data: { agency: SlipAgency; applicant: SlipApplicant; procedureName: string; dossierCode?: string },
): void {
  if (data.dossierCode) fields(doc, [['Mã hồ sơ', data.dossierCode]]);
  paragraph(doc, [
    ['regular', `${data.agency.name} tiếp nhận hồ sơ của: `],
    ['bold', data.applicant.name],
  ]);
  fields(doc, [['Địa chỉ', data.applicant.address]]);
  fields(doc, [
    ['Số điện thoại', data.applicant.phone],
    ['Email', data.applicant.email],
  ]);
  fields(doc, [['Nội dung yêu cầu giải quyết', data.procedureName]]);
}
