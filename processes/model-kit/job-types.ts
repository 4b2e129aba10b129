// The job types of processes/CONTRACT.md as the models and element templates use them.

export interface HeaderSpec {
  key: string;
  label: string;
  description?: string;
  /** Allowed values; free text when absent. */
  choices?: { name: string; value: string }[];
  optional?: boolean;
}

export interface JobTypeSpec {
  type: string;
  label: string;
  description: string;
  templateId: string;
  headers: HeaderSpec[];
}

export const TEMPLATE_VERSION = 1;

export const JOB_TYPES = {
  intake: {
    type: 'dossier.intake',
    label: 'Tiếp nhận hồ sơ',
    description:
      'Kiểm tra thành phần hồ sơ theo phiên bản thủ tục; đủ thì tiếp nhận (trạng thái 2), lập Giấy tiếp nhận và hẹn trả kết quả (Mẫu 01).',
    templateId: 'vn.motcua.dossier.intake',
    headers: [],
  },
  scan: {
    type: 'dossier.scan',
    label: 'Số hóa hồ sơ',
    description: 'Lưu từng giấy tờ, mã băm, số trang, đánh dấu đã số hóa; báo các thành phần còn thiếu.',
    templateId: 'vn.motcua.dossier.scan',
    headers: [],
  },
  deadline: {
    type: 'dossier.deadline',
    label: 'Tính hạn xử lý',
    description:
      'Tính hạn theo lịch ngày làm việc; cảnh báo sắp đến hạn; xử lý quá hạn (văn bản xin lỗi, Mẫu 04); tạm dừng và tiếp tục tính hạn.',
    templateId: 'vn.motcua.dossier.deadline',
    headers: [
      {
        key: 'action',
        label: 'Thao tác',
        choices: [
          { name: 'Tính hạn', value: 'compute' },
          { name: 'Cảnh báo sắp đến hạn', value: 'warn' },
          { name: 'Xử lý quá hạn', value: 'overdue' },
          { name: 'Tạm dừng tính hạn', value: 'pause' },
          { name: 'Tiếp tục tính hạn', value: 'resume' },
        ],
      },
      { key: 'step', label: 'Bước (quy trình nội bộ)', optional: true },
      {
        key: 'shareWorkingDays',
        label: 'Thời gian của bước (ngày làm việc)',
        description: 'Phần thời hạn dành cho cơ quan/bước này.',
        optional: true,
      },
    ],
  },
  supplement: {
    type: 'dossier.supplement',
    label: 'Yêu cầu bổ sung hồ sơ',
    description: 'Lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02), trạng thái 5, tạm dừng tính hạn.',
    templateId: 'vn.motcua.dossier.supplement',
    headers: [],
  },
  refuse: {
    type: 'dossier.refuse',
    label: 'Từ chối / dừng giải quyết',
    description:
      'Từ chối (Mẫu 03, trạng thái 3), dừng giải quyết (Mẫu 05, trạng thái 8) hoặc rút hồ sơ (trạng thái 7).',
    templateId: 'vn.motcua.dossier.refuse',
    headers: [
      {
        key: 'kind',
        label: 'Hình thức',
        choices: [
          { name: 'Từ chối giải quyết', value: 'refuse' },
          { name: 'Dừng giải quyết', value: 'stop' },
          { name: 'Rút hồ sơ theo yêu cầu', value: 'withdraw' },
        ],
      },
    ],
  },
  transfer: {
    type: 'dossier.transfer',
    label: 'Chuyển liên thông',
    description:
      'Ghi giao nhận trên Phiếu kiểm soát quá trình (Mẫu 06), gửi thông điệp liên thông theo mã hồ sơ tới cơ quan nhận.',
    templateId: 'vn.motcua.dossier.transfer',
    headers: [
      { key: 'toAgencyRole', label: 'Cơ quan nhận (vai trò)' },
      { key: 'messageName', label: 'Tên thông điệp (lienthong.*)' },
      {
        key: 'direction',
        label: 'Chiều chuyển',
        choices: [
          { name: 'Chuyển đi', value: 'forward' },
          { name: 'Trả kết quả về', value: 'return' },
        ],
      },
    ],
  },
  fee: {
    type: 'dossier.fee',
    label: 'Thu phí, lệ phí',
    description: 'Tính và thu phí, lệ phí theo phiên bản thủ tục của hồ sơ.',
    templateId: 'vn.motcua.dossier.fee',
    headers: [
      {
        key: 'collectAt',
        label: 'Thời điểm thu',
        choices: [
          { name: 'Khi tiếp nhận', value: 'intake' },
          { name: 'Khi trả kết quả', value: 'result' },
        ],
      },
    ],
  },
  notify: {
    type: 'dossier.notify',
    label: 'Thông báo',
    description: 'Gửi thư điện tử cho người nộp hồ sơ theo mẫu thông báo.',
    templateId: 'vn.motcua.dossier.notify',
    headers: [{ key: 'template', label: 'Mẫu thông báo' }],
  },
  result: {
    type: 'result.return',
    label: 'Trả kết quả',
    description:
      'Kết quả sẵn sàng (trạng thái 9, phân loại đúng/trễ hạn, thông báo) hoặc đã trả (trạng thái 10, mời đánh giá).',
    templateId: 'vn.motcua.result.return',
    headers: [
      {
        key: 'action',
        label: 'Thao tác',
        choices: [
          { name: 'Kết quả đã sẵn sàng', value: 'ready' },
          { name: 'Đã trả kết quả', value: 'delivered' },
        ],
      },
    ],
  },
} as const satisfies Record<string, JobTypeSpec>;

export type JobKey = keyof typeof JOB_TYPES;
