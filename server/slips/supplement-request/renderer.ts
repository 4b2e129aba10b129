// Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: the one complete written guidance an officer must give
// when a dossier is incomplete (Decree 61/2018), listing every item with its reason.
import { drawNumberedHeading, drawTitle, fields, paragraph, renderDocument, signatures } from '../layout';
import type { SupplementRequestSlipData } from './data';
import { atTimeVi, orBlank } from '../wording';
import { SUPPLEMENT_REQUEST_TITLE, supplementRequestSlip } from '.';

export function renderSupplementRequestSlip(data: SupplementRequestSlipData): Promise<Buffer> {
  return renderDocument('A5', `${SUPPLEMENT_REQUEST_TITLE} ${data.dossierCode}`, (doc) => {
    drawNumberedHeading(doc, data, supplementRequestSlip.suffix);
    drawTitle(doc, SUPPLEMENT_REQUEST_TITLE);
    fields(doc, [['Mã hồ sơ', data.dossierCode]]);
    fields(doc, [['Hồ sơ của', data.applicant.name]]);
    fields(doc, [['Nội dung yêu cầu giải quyết', data.procedureName]]);
    fields(doc, [['Địa chỉ', data.applicant.address]]);
    fields(doc, [
      ['Số điện thoại', data.applicant.phone],
      ['Email', data.applicant.email],
    ]);
    paragraph(doc, [['regular', 'Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:']]);
    data.items.forEach((item, i) => {
      paragraph(
        doc,
        [['bold', `${i + 1}. ${item.content}`], ...(item.reason ? reasonRun(item.reason) : [])],
        {
          indent: 10,
        },
      );
    });
    if (data.reason) fields(doc, [['Lý do', data.reason]]);
    if (data.supplyBy) fields(doc, [['Thời hạn bổ sung, hoàn thiện hồ sơ', atTimeVi(data.supplyBy)]]);
    const where = data.contact.place ? ` (${data.contact.place})` : '';
    paragraph(doc, [
      ['regular', 'Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ với '],
      ['bold', `${data.contact.name}${where}`],
      ['regular', ', số điện thoại '],
      ['bold', orBlank(data.contact.phone)],
      ['regular', ' để được hướng dẫn.'],
    ]);
    signatures(doc, [{ title: data.officer.title ?? 'NGƯỜI HƯỚNG DẪN', name: data.officer.name }]);
  });
}

const reasonRun = (reason: string): [['regular', string]] => [['regular', ` — Lý do: ${reason}`]];
