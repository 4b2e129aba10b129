// Mẫu 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ: refusal in writing with its reasons.
import {
  drawHeading,
  drawTitle,
  fields,
  paragraph,
  receivedFromBlock,
  renderDocument,
  signatures,
} from './layout';
import type { RefusalSlipData } from './types';
import { slipNumber, slipNumberSuffixes } from './wording';

export const REFUSAL_TITLE = 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ';

export function renderRefusalSlip(data: RefusalSlipData): Promise<Buffer> {
  return renderDocument('A5', REFUSAL_TITLE, (doc) => {
    drawHeading(doc, data.agency, {
      numberLine: `Số: ${slipNumber(data.number, slipNumberSuffixes['03'])}`,
      place: data.place,
      issuedAt: data.issuedAt,
    });
    drawTitle(doc, REFUSAL_TITLE);
    if (data.dossierCode) fields(doc, [['Mã hồ sơ', data.dossierCode]]);
    receivedFromBlock(doc, data.agency.name, data.applicant, data.procedureName);
    paragraph(doc, [
      [
        'regular',
        `Qua xem xét, ${data.agency.name} từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
      ],
    ]);
    data.reasons.forEach((reason, i) => paragraph(doc, [['bold', `${i + 1}. ${reason}`]], { indent: 10 }));
    paragraph(doc, [['italic', 'Xin trân trọng thông báo!']]);
    signatures(doc, [{ title: data.officer.title ?? 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: data.officer.name }]);
  });
}
