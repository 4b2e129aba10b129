// Mẫu 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả. Circular 03/2025 turns it into an apology that also asks
// for more time (văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết); its exact layout is not published in
// what we could read, so the 2018 wording is kept and the extension asked for is added when given.
import { drawNumberedHeading, drawTitle, fields, paragraph, renderDocument, signatures } from '../layout';
import type { ApologySlipData } from './data';
import { atTimeVi, onDayVi } from '../wording';
import { APOLOGY_TITLE, apologySlip } from '.';

export const APOLOGY_SUBTITLE = '(Xin lỗi và đề nghị gia hạn thời gian giải quyết hồ sơ)';

export function renderApologySlip(data: ApologySlipData): Promise<Buffer> {
  return renderDocument('A5', `${APOLOGY_TITLE} ${data.dossierCode}`, (doc) => {
    drawNumberedHeading(doc, data, apologySlip.suffix);
    drawTitle(doc, APOLOGY_TITLE, APOLOGY_SUBTITLE);
    fields(doc, [['Kính gửi', data.applicant.name]]);
    fields(doc, [['Địa chỉ', data.applicant.address]]);
    fields(doc, [
      ['Số điện thoại', data.applicant.phone],
      ['Email', data.applicant.email],
    ]);
    const received = onDayVi(data.receivedAt);
    paragraph(doc, [
      [
        'regular',
        `${received.charAt(0).toUpperCase()}${received.slice(1)}, ${data.agency.name} tiếp nhận hồ sơ `,
      ],
      ['bold', data.procedureName],
      ['regular', ' của ông/bà, mã hồ sơ '],
      ['bold', data.dossierCode],
      ['regular', '.'],
    ]);
    fields(doc, [['Thời gian hẹn trả kết quả giải quyết hồ sơ', atTimeVi(data.originalAppointmentAt)]]);
    paragraph(doc, [
      [
        'regular',
        'Tuy nhiên đến nay, chưa trả kết quả giải quyết hồ sơ cho ông/bà đúng hẹn ghi trên Giấy tiếp nhận hồ sơ ' +
          'và hẹn trả kết quả, lý do: ',
      ],
      ['bold', data.reason],
    ]);
    if (data.extensionDays !== undefined) {
      paragraph(doc, [
        ['regular', 'Cơ quan đề nghị gia hạn thời gian giải quyết hồ sơ thêm '],
        ['bold', `${String(data.extensionDays).padStart(2, '0')} ngày làm việc`],
        ['regular', '.'],
      ]);
    }
    paragraph(doc, [
      [
        'regular',
        `Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của ông/bà. ${data.agency.name} xin lỗi ông/bà ` +
          'và sẽ trả kết quả giải quyết hồ sơ cho ông/bà vào ',
      ],
      ['bold', atTimeVi(data.newAppointmentAt)],
      ['regular', '.'],
    ]);
    paragraph(doc, [['italic', 'Xin trân trọng cảm ơn sự hợp tác của ông/bà./.']]);
    signatures(doc, [
      {
        title: data.signer.title ?? 'THỦ TRƯỞNG CƠ QUAN',
        hint: '(Ký, ghi rõ họ tên và đóng dấu)',
        name: data.signer.name,
      },
    ]);
  });
}
