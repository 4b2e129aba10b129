// Mẫu 07 — Sổ theo dõi hồ sơ, exported for a period as an A4 landscape table that runs over as many pages as
// it needs, repeating its header row.
import { drawHeading, drawTitle, paragraph, renderDocument, table } from '../layout';
import type { LogBookData, LogBookEntry } from './data';
import { onDayVi, shortDateVi, shortTimeVi } from '../wording';
import { LOG_BOOK_TITLE } from '.';

const contact = (entry: LogBookEntry) =>
  [entry.applicant.address, entry.applicant.phone].filter((part) => part && part.trim()).join('; ');

const resultCell = (entry: LogBookEntry) =>
  [shortDateVi(entry.resolvedAt), entry.outcome].filter((part) => part).join('\n');

const row = (entry: LogBookEntry, i: number): string[] => [
  String(i + 1),
  entry.dossierCode,
  entry.procedureName,
  String(entry.sets),
  entry.applicant.name,
  contact(entry),
  entry.leadAgency,
  shortTimeVi(entry.receivedAt),
  shortTimeVi(entry.appointmentAt),
  shortDateVi(entry.transferredAt),
  resultCell(entry),
  shortDateVi(entry.returnedAt),
  entry.note ?? '',
];

export function renderLogBook(data: LogBookData): Promise<Buffer> {
  return renderDocument('A4-landscape', LOG_BOOK_TITLE, (doc) => {
    drawHeading(doc, data.agency);
    drawTitle(doc, LOG_BOOK_TITLE, `Từ ${onDayVi(data.from)} đến ${onDayVi(data.to)}`);
    if (data.volume) paragraph(doc, [['bold', data.volume]], { align: 'left' });
    table(
      doc,
      [
        { header: 'STT', weight: 2.6, align: 'center' },
        { header: 'Mã hồ sơ', weight: 11 },
        { header: 'Tên thủ tục hành chính', weight: 7 },
        { header: 'Số lượng hồ sơ (bộ)', weight: 4, align: 'center' },
        { header: 'Tên cá nhân, tổ chức', weight: 6 },
        { header: 'Địa chỉ, số điện thoại', weight: 7 },
        { header: 'Cơ quan chủ trì giải quyết', weight: 6 },
        { header: 'Nhận hồ sơ', weight: 5.2, align: 'center' },
        { header: 'Hẹn trả kết quả', weight: 5.2, align: 'center' },
        { header: 'Chuyển hồ sơ đến cơ quan giải quyết', weight: 5, align: 'center' },
        { header: 'Ngày có kết quả/ yêu cầu bổ sung', weight: 5.4, align: 'center' },
        { header: 'Trả kết quả (ngày, ký nhận)', weight: 5.4, align: 'center' },
        { header: 'Ghi chú', weight: 5 },
      ],
      data.entries.map(row),
      { fontSize: 8 },
    );
    paragraph(doc, [['italic', `Tổng số hồ sơ: ${data.entries.length}`]], { align: 'left' });
  });
}
