// Sample slip data for the tests: a birth registration received at a ward centre in Hà Nội.
import type { SlipAgency } from '../../../server/slips';
import type { ApologySlipData } from '../../../server/slips/apology/data';
import type { ControlSlipData } from '../../../server/slips/control-slip/data';
import type { LogBookData, LogBookEntry } from '../../../server/slips/log-book/data';
import type { ReceiptSlipData } from '../../../server/slips/receipt/data';
import type { RefusalSlipData } from '../../../server/slips/refusal/data';
import type { StopNoticeData } from '../../../server/slips/stop-notice/data';
import type { SupplementRequestSlipData } from '../../../server/slips/supplement-request/data';

export const agency: SlipAgency = {
  parentName: 'UBND phường Hoàn Kiếm',
  name: 'Trung tâm Phục vụ hành chính công phường Hoàn Kiếm',
};

export const applicant = {
  name: 'Nguyễn Văn An',
  address: 'Số 12 phố Hàng Bạc, phường Hoàn Kiếm, thành phố Hà Nội',
  phone: '0912 345 678',
  email: 'an.nguyen@example.vn',
};

export const receivedAt = new Date('2026-02-17T08:05:00Z'); // 15:05 in Vietnam
export const appointmentAt = new Date('2026-02-18T10:00:00Z'); // 17:00 the next day

export const receipt: ReceiptSlipData = {
  agency,
  number: '125',
  place: 'Hoàn Kiếm',
  issuedAt: receivedAt,
  dossierCode: '000.00.64.H26-260217-0011',
  applicant,
  procedureName: 'Đăng ký khai sinh',
  components: [
    { name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 },
    { name: 'Giấy chứng sinh do cơ sở y tế cấp', originals: 1, copies: 0 },
    { name: 'Giấy ủy quyền (nếu có)', originals: 0, copies: 1, note: 'Bản sao chứng thực' },
  ],
  sets: 1,
  timeLimit: { value: 1, unit: 'same-day', sameDayCutoff: '15:00' },
  receivedAt,
  appointmentAt,
  resultPickup: 'counter',
  logBook: { volume: '03', line: '0011' },
  lookup: { code: 'K7Q2-9XHM', url: 'https://motcua.hanoi.gov.vn/tra-cuu' },
  copyLabel: 'Liên 2: Giao người nộp hồ sơ',
  officer: { name: 'Trần Thị Bình' },
};

const issuedAt = new Date('2026-02-18T02:30:00Z');

export const supplementRequest: SupplementRequestSlipData = {
  agency,
  number: '18',
  place: 'Hoàn Kiếm',
  issuedAt,
  dossierCode: receipt.dossierCode,
  applicant,
  procedureName: 'Đăng ký khai sinh',
  items: [
    { content: 'Giấy chứng sinh bản chính', reason: 'bản nộp là bản chụp, không rõ dấu của cơ sở y tế' },
    { content: 'Tờ khai ghi đủ quê quán của người mẹ' },
  ],
  reason: 'Hồ sơ chưa đầy đủ theo quy định',
  contact: { name: 'Trần Thị Bình', phone: '024 3825 1234', place: 'quầy số 3' },
  supplyBy: new Date('2026-02-25T10:00:00Z'),
  officer: { name: 'Trần Thị Bình' },
};

export const refusal: RefusalSlipData = {
  agency,
  number: '7',
  place: 'Hoàn Kiếm',
  issuedAt,
  dossierCode: receipt.dossierCode,
  applicant,
  procedureName: 'Đăng ký khai sinh',
  reasons: [
    'Đã được hướng dẫn bổ sung nhưng hồ sơ vẫn không đầy đủ',
    'Việc khai sinh đã được đăng ký tại nơi khác',
  ],
  officer: { name: 'Trần Thị Bình' },
};

export const apology: ApologySlipData = {
  agency,
  number: '3',
  place: 'Hoàn Kiếm',
  issuedAt,
  dossierCode: receipt.dossierCode,
  applicant,
  procedureName: 'Đăng ký khai sinh',
  receivedAt,
  originalAppointmentAt: appointmentAt,
  reason: 'Cần xác minh thông tin với cơ sở y tế nơi trẻ sinh ra',
  newAppointmentAt: new Date('2026-02-23T09:00:00Z'),
  extensionDays: 3,
  signer: { name: 'Phạm Quốc Hùng', title: 'GIÁM ĐỐC' },
};

export const stopNotice: StopNoticeData = {
  agency,
  number: '2',
  place: 'Hoàn Kiếm',
  issuedAt,
  dossierCode: receipt.dossierCode,
  applicant,
  procedureName: 'Đăng ký khai sinh',
  receivedAt,
  reasons: ['Người yêu cầu đề nghị dừng giải quyết hồ sơ bằng văn bản'],
  legalBasis: 'Nghị định số 118/2025/NĐ-CP',
  dossierHandling: 'Trả lại hồ sơ giấy cho người nộp tại Bộ phận Một cửa',
  signer: { name: 'Phạm Quốc Hùng', title: 'GIÁM ĐỐC' },
};

export const controlSlip: ControlSlipData = {
  agency,
  dossierCode: receipt.dossierCode,
  applicant,
  procedureName:
    'Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
  receivedAt,
  appointmentAt: new Date('2026-02-20T10:00:00Z'),
  leadAgency: 'UBND phường Hoàn Kiếm',
  cooperatingAgencies: ['Công an phường Hoàn Kiếm', 'Bảo hiểm xã hội khu vực Hoàn Kiếm'],
  handOvers: [
    {
      fromAgency: 'Bộ phận Một cửa',
      fromPerson: 'Trần Thị Bình',
      toAgency: 'Công chức tư pháp - hộ tịch',
      toPerson: 'Đỗ Minh Châu',
      at: new Date('2026-02-17T08:30:00Z'),
    },
    {
      fromAgency: 'Công chức tư pháp - hộ tịch',
      fromPerson: 'Đỗ Minh Châu',
      toAgency: 'Công an phường Hoàn Kiếm',
      toPerson: 'Vũ Đức Thắng',
      at: new Date('2026-02-18T03:00:00Z'),
      result: 'early',
    },
    {
      fromAgency: 'Công an phường Hoàn Kiếm',
      fromPerson: 'Vũ Đức Thắng',
      toAgency: 'Bảo hiểm xã hội khu vực Hoàn Kiếm',
      at: new Date('2026-02-19T09:45:00Z'),
      result: 'on-time',
    },
    {
      fromAgency: 'Bảo hiểm xã hội khu vực Hoàn Kiếm',
      toAgency: 'Bộ phận Một cửa',
      toPerson: 'Trần Thị Bình',
      at: new Date('2026-02-23T02:00:00Z'),
      result: 'late',
      note: 'Chậm do lỗi kết nối cơ sở dữ liệu',
    },
  ],
};

const surnames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const givenNames = [
  'Văn An',
  'Thị Bình',
  'Minh Châu',
  'Quốc Dũng',
  'Thu Hà',
  'Đức Thắng',
  'Ngọc Ánh',
  'Hữu Phước',
];
const procedures = [
  'Đăng ký khai sinh',
  'Đăng ký kết hôn',
  'Chứng thực bản sao từ bản chính',
  'Đăng ký khai tử',
];

/** Log-book lines for a month: enough to run over several landscape pages. */
export function logBookEntries(count: number): LogBookEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const received = new Date(Date.UTC(2026, 1, 2 + (i % 26), 1 + (i % 8), (i * 7) % 60));
    const day = 86_400_000;
    return {
      dossierCode: `000.00.64.H26-2602${String(2 + (i % 26)).padStart(2, '0')}-${String(i + 1).padStart(4, '0')}`,
      procedureName: procedures[i % procedures.length] ?? '',
      sets: 1 + (i % 2),
      applicant: {
        name: `${surnames[i % surnames.length]} ${givenNames[i % givenNames.length]}`,
        address: `Số ${i + 1} phố Hàng Đào, phường Hoàn Kiếm`,
        phone: `09${String(10_000_000 + i * 7919).slice(0, 8)}`,
      },
      leadAgency: 'UBND phường Hoàn Kiếm',
      receivedAt: received,
      appointmentAt: new Date(received.getTime() + 2 * day),
      transferredAt: received,
      resolvedAt: i % 5 === 4 ? undefined : new Date(received.getTime() + day),
      outcome: i % 5 === 4 ? 'Yêu cầu bổ sung' : undefined,
      returnedAt: i % 5 === 4 ? undefined : new Date(received.getTime() + 2 * day),
      note: i % 9 === 0 ? 'Nhận kết quả qua bưu chính' : undefined,
    };
  });
}

export const logBook: LogBookData = {
  agency,
  volume: 'Quyển số 03',
  from: new Date('2026-01-31T17:00:00Z'),
  to: new Date('2026-02-28T16:59:59Z'),
  entries: logBookEntries(60),
};
