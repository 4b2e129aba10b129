// Model descriptions of the catalogue's procedures; build.ts writes them as BPMN into each folder.
import type { ModelOptions } from './one-stop-model';

export interface ProcedureModelFile {
  folder: string;
  file: string;
  options: ModelOptions;
}

export const PROCEDURE_MODELS: ProcedureModelFile[] = [
  {
    folder: 'dang-ky-khai-sinh',
    file: 'dang-ky-khai-sinh.bpmn',
    options: {
      id: 'dang-ky-khai-sinh',
      name: 'Đăng ký khai sinh',
      documentation:
        'Thủ tục 1.001193. Trả kết quả trong ngày; nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo (hạn do dossier.deadline tính).',
      entry: { kind: 'intake', feeAt: 'intake' },
      deadline: {},
      review: { id: 'Review', name: 'Công chức tư pháp - hộ tịch kiểm tra, ghi sổ', group: 'chuyen-vien' },
      sign: { id: 'Sign', name: 'Lãnh đạo UBND ký giấy khai sinh', group: 'lanh-dao' },
      finish: { kind: 'result' },
      taskDue: '=dueAt',
    },
  },
];
