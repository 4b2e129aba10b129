// Mẫu 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ: refusal in writing with its reasons.
import {
  drawNumberedHeading,
  drawTitle,
  paragraph,
  receivedFromBlock,
  renderDocument,
  signatures,
} from '../layout';
import type { RefusalSlipData } from './data';
import { REFUSAL_TITLE, refusalSlip } from '.';

export function renderRefusalSlip(data: RefusalSlipData): Promise<Buffer> {
  return renderDocument('A5', REFUSAL_TITLE, (doc) => {
    drawNumberedHeading(doc, data, refusalSlip.suffix);
    drawTitle(doc, REFUSAL_TITLE);
    receivedFromBlock(doc, data);
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
