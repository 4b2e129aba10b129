// Mẫu 06 — Phiếu kiểm soát quá trình giải quyết hồ sơ. It travels with the dossier; every hand-over (counter →
// department → other agency → back) is one row with its give/receive time, both signatures and how the step
// ended against its budget. A4: the hand-over table does not fit an A5 sheet legibly.
import { drawHeading, drawTitle, fields, paragraph, renderDocument, table } from '../layout';
import type { ControlSlipData, HandOver, StepResult } from './data';
import { atTimeVi, orBlank } from '../wording';
import { CONTROL_SLIP_TITLE } from '.';

const stepResultVi: Record<StepResult, string> = {
  early: 'Trước hạn',
  'on-time': 'Đúng hạn',
  late: 'Quá hạn',
};

const handOverRow = (handOver: HandOver, i: number): string[] => [
  `${i + 1}. Giao: ${handOver.fromAgency}\n    Nhận: ${handOver.toAgency}`,
  `${atTimeVi(handOver.at)}\nNgười giao: ${orBlank(handOver.fromPerson)}\nNgười nhận: ${orBlank(handOver.toPerson)}`,
  handOver.result ? stepResultVi[handOver.result] : '',
  handOver.note ?? '',
];

export function renderControlSlip(data: ControlSlipData): Promise<Buffer> {
  return renderDocument('A4', `${CONTROL_SLIP_TITLE} ${data.dossierCode}`, (doc) => {
    drawHeading(doc, data.agency);
    drawTitle(
      doc,
      CONTROL_SLIP_TITLE,
      `(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả, mã hồ sơ ${data.dossierCode})`,
    );
    fields(doc, [['Mã hồ sơ', data.dossierCode]]);
    fields(doc, [['Hồ sơ của', data.applicant.name]]);
    fields(doc, [['Nội dung yêu cầu giải quyết', data.procedureName]]);
    fields(doc, [['Thời gian nhận hồ sơ', atTimeVi(data.receivedAt)]]);
    fields(doc, [['Thời gian hẹn trả kết quả', atTimeVi(data.appointmentAt)]]);
    fields(doc, [['Cơ quan (bộ phận) giải quyết hồ sơ', data.leadAgency]]);
    fields(doc, [
      [
        'Cơ quan phối hợp giải quyết hồ sơ',
        data.cooperatingAgencies.length ? data.cooperatingAgencies.join('; ') : '—',
      ],
    ]);
    paragraph(doc, [['regular', ' ']]);
    table(
      doc,
      [
        { header: 'TÊN CƠ QUAN', weight: 5 },
        { header: 'THỜI GIAN GIAO, NHẬN HỒ SƠ', weight: 5 },
        { header: 'KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/ đúng hạn/ quá hạn)', weight: 3, align: 'center' },
        { header: 'GHI CHÚ', weight: 3 },
      ],
      data.handOvers.map(handOverRow),
    );
    paragraph(doc, [
      [
        'italic',
        'Ghi chú: Kết quả giải quyết hồ sơ ở từng bước được so với thời hạn của bước đó trong quy trình nội bộ; ' +
          'người giao và người nhận ký và ghi rõ họ tên tại mỗi lần giao, nhận.',
      ],
    ]);
  });
}
