// Sample slip data for the tests: a birth registration received at a ward centre in Hà Nội.
import type { ReceiptSlipData, SlipAgency } from '../../server/slips';

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
