// Mẫu 05 — Thông báo dừng xử lý hồ sơ (new in Circular 03/2025). The conditions for stopping are not
// confirmed, so the form prints the reasons and legal ground the officer gives.
import { drawNumberedHeading, drawTitle, fields, paragraph, renderDocument, signatures } from '../layout';
import type { StopNoticeData } from './data';
import { atTimeVi } from '../wording';
import { STOP_NOTICE_TITLE, stopNotice } from '.';

export function renderStopNotice(data: StopNoticeData): Promise<Buffer> {
  return renderDocument('A5', `${STOP_NOTICE_TITLE} ${data.dossierCode}`, (doc) => {
    drawNumberedHeading(doc, data, stopNotice.suffix);
    drawTitle(doc, STOP_NOTICE_TITLE);
    fields(doc, [['Kính gửi', data.applicant.name]]);
    fields(doc, [['Địa chỉ', data.applicant.address]]);
    fields(doc, [
      ['Số điện thoại', data.applicant.phone],
      ['Email', data.applicant.email],
    ]);
    fields(doc, [['Mã hồ sơ', data.dossierCode]]);
    fields(doc, [['Nội dung yêu cầu giải quyết', data.procedureName]]);
    fields(doc, [['Thời gian tiếp nhận hồ sơ', atTimeVi(data.receivedAt)]]);
    const basis = data.legalBasis ? `Căn cứ ${data.legalBasis}, ` : '';
    paragraph(doc, [
      ['regular', `${basis}${data.agency.name} thông báo dừng xử lý hồ sơ nêu trên với lý do như sau:`],
    ]);
    data.reasons.forEach((reason, i) => paragraph(doc, [['bold', `${i + 1}. ${reason}`]], { indent: 10 }));
    if (data.dossierHandling) fields(doc, [['Việc xử lý hồ sơ, phí, lệ phí đã nộp', data.dossierHandling]]);
    paragraph(doc, [['italic', 'Xin trân trọng thông báo./.']]);
    signatures(doc, [
      {
        title: data.signer.title ?? 'THỦ TRƯỞNG CƠ QUAN',
        hint: '(Ký, ghi rõ họ tên và đóng dấu)',
        name: data.signer.name,
      },
    ]);
  });
}
