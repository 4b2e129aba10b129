// Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Circular 03/2025/TT-VPCP Annex I; layout of Circular
// 01/2018 Mẫu 01). Printed in two copies: one for the applicant, one travelling with the control slip.
import {
  drawNumberedHeading,
  drawTitle,
  fields,
  paragraph,
  receivedFromBlock,
  renderDocument,
  signatures,
  table,
} from '../layout';
import type { ReceiptSlipData, ResultPickup } from './data';
import { atTimeVi, timeLimitVi } from '../wording';
import { RECEIPT_TITLE, receiptSlip } from '.';

const resultPickupVi: Record<ResultPickup, string> = {
  counter: 'Bộ phận Một cửa (nhận trực tiếp)',
  post: 'Qua dịch vụ bưu chính công ích',
  online: 'Trực tuyến (kho dữ liệu điện tử của tổ chức, cá nhân)',
};

export function renderReceiptSlip(data: ReceiptSlipData): Promise<Buffer> {
  return renderDocument('A5', `${RECEIPT_TITLE} ${data.dossierCode}`, (doc) => {
    drawNumberedHeading(doc, data, receiptSlip.suffix);
    drawTitle(doc, RECEIPT_TITLE, data.copyLabel ? `(${data.copyLabel})` : undefined);
    receivedFromBlock(doc, data);

    paragraph(doc, [['regular', '1. Thành phần hồ sơ nộp gồm:']]);
    table(
      doc,
      [
        { header: 'STT', weight: 1.4, align: 'center' },
        { header: 'Tên giấy tờ', weight: 8 },
        { header: 'Bản chính', weight: 2, align: 'center' },
        { header: 'Bản sao', weight: 2, align: 'center' },
        { header: 'Ghi chú', weight: 3 },
      ],
      data.components.map((component, i) => [
        String(i + 1),
        component.name,
        String(component.originals),
        String(component.copies),
        component.note ?? '',
      ]),
    );
    fields(doc, [['2. Số lượng hồ sơ', `${String(data.sets).padStart(2, '0')} (bộ)`]]);
    fields(doc, [['3. Thời gian giải quyết hồ sơ theo quy định là', timeLimitVi(data.timeLimit)]]);
    fields(doc, [['4. Thời gian nhận hồ sơ', atTimeVi(data.receivedAt)]]);
    fields(doc, [
      ['5. Thời gian trả kết quả giải quyết hồ sơ (hẹn trả kết quả)', atTimeVi(data.appointmentAt)],
    ]);
    const pickup = resultPickupVi[data.resultPickup];
    fields(doc, [
      [
        '6. Đăng ký nhận kết quả tại',
        data.resultPickupPlace ? `${pickup} — ${data.resultPickupPlace}` : pickup,
      ],
    ]);
    if (data.logBook) {
      fields(doc, [
        ['Vào Sổ theo dõi hồ sơ, Quyển số', data.logBook.volume],
        ['Số thứ tự', data.logBook.line],
      ]);
    }
    if (data.lookup) {
      const where = data.lookup.url ? ` tại ${data.lookup.url}` : '';
      paragraph(doc, [
        ['regular', 'Mã tra cứu tình trạng hồ sơ: '],
        ['bold', `${data.lookup.code} `],
        ['italic', `(tra cứu bằng mã hồ sơ và mã tra cứu${where}).`],
      ]);
    }
    signatures(doc, [
      { title: 'NGƯỜI NỘP HỒ SƠ', name: data.applicant.name },
      { title: data.officer.title ?? 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: data.officer.name },
    ]);
  });
}
