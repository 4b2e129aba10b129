// Model descriptions of the catalogue's procedures; build.ts writes them as BPMN into each folder.
import type { ModelOptions, PartnerLink } from './one-stop-model';
import { BIRTH_REGISTRATION_FEE_DECISION } from './procedure-decisions';

export interface ProcedureModelFile {
  folder: string;
  file: string;
  options: ModelOptions;
}

const SAME_DAY =
  'Trả trong ngày; nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo (dueAt/warnAt do dossier.deadline tính).';

/** The review by an officer and the signature of the leadership, the steps every model has. */
function reviewAndSign(review: string, sign: string): Pick<ModelOptions, 'review' | 'sign'> {
  return {
    review: { id: 'Review', name: review, group: 'chuyen-vien' },
    sign: { id: 'Sign', name: sign, group: 'lanh-dao' },
  };
}

function single(
  slug: string,
  name: string,
  documentation: string,
  parts: Pick<ModelOptions, 'checks' | 'afterSign'> & {
    feeAt: 'intake' | 'result';
    /** the DMN decision (processes/model-kit/procedure-decisions.ts) deciding the fee exemption */
    feeDecision?: string;
    review: string;
    sign: string;
  },
): ProcedureModelFile {
  const { feeAt, feeDecision, review, sign, ...steps } = parts;
  return {
    folder: slug,
    file: `${slug}.bpmn`,
    options: {
      id: slug,
      name,
      documentation,
      entry: { kind: 'intake', feeAt, ...(feeDecision ? { feeDecision } : {}) },
      deadline: {},
      ...reviewAndSign(review, sign),
      ...steps,
      finish: { kind: 'result' },
      taskDue: '=dueAt',
    },
  };
}

interface PackageShare {
  link: PartnerLink;
  shareWorkingDays: number;
  name: string;
  review: string;
  sign: string;
}

/** One lead process and one process per receiving agency, joined by lienthong.* messages on the dossier code. */
function interAgencyPackage(
  slug: string,
  name: string,
  documentation: string,
  lead: { shareWorkingDays: number; review: string; sign: string },
  shares: PackageShare[],
): ProcedureModelFile[] {
  const leadModel: ProcedureModelFile = {
    folder: slug,
    file: `${slug}.bpmn`,
    options: {
      id: slug,
      name,
      documentation,
      entry: { kind: 'intake', feeAt: 'intake' },
      deadline: { step: 'ubnd-xa', shareWorkingDays: lead.shareWorkingDays },
      ...reviewAndSign(lead.review, lead.sign),
      partners: shares.map((s) => s.link),
      finish: { kind: 'result' },
      taskDue: '=stepDueAt',
    },
  };
  const shareModels = shares.map((s): ProcedureModelFile => ({
    folder: slug,
    file: `${slug}.${s.link.id}.bpmn`,
    options: {
      id: `${slug}.${s.link.id}`,
      name: s.name,
      documentation: `${documentation} Phần việc của ${s.link.label}: ${s.shareWorkingDays} ngày làm việc.`,
      entry: { kind: 'message', message: s.link.forwardMessage, name: 'Nhận hồ sơ liên thông' },
      deadline: { step: s.link.role, shareWorkingDays: s.shareWorkingDays },
      ...reviewAndSign(s.review, s.sign),
      finish: { kind: 'return', toAgencyRole: 'ubnd-xa', message: s.link.returnMessage },
      taskDue: '=stepDueAt',
    },
  }));
  return [leadModel, ...shareModels];
}

function link(
  pkg: string,
  id: string,
  role: string,
  label: string,
  topic: string,
  variable: string,
): PartnerLink {
  return {
    id,
    role,
    label,
    forwardMessage: `lienthong.${pkg}.${topic}`,
    returnMessage: `lienthong.${pkg}.${topic}.ket-qua`,
    resultVariable: variable,
  };
}

export const PROCEDURE_MODELS: ProcedureModelFile[] = [
  single('dang-ky-khai-sinh', 'Đăng ký khai sinh', `Thủ tục 1.001193. ${SAME_DAY}`, {
    feeAt: 'intake',
    feeDecision: BIRTH_REGISTRATION_FEE_DECISION,
    review: 'Công chức tư pháp - hộ tịch kiểm tra, ghi sổ hộ tịch',
    sign: 'Lãnh đạo UBND ký giấy khai sinh',
  }),
  single(
    'dang-ky-ket-hon',
    'Đăng ký kết hôn',
    `Thủ tục 1.000894. ${SAME_DAY} Cần xác minh thì không quá 5 ngày làm việc; hai bên có mặt khi trao giấy chứng nhận.`,
    {
      feeAt: 'intake',
      review: 'Kiểm tra, xác minh điều kiện kết hôn',
      sign: 'Lãnh đạo UBND ký giấy chứng nhận kết hôn',
      afterSign: [
        { id: 'Ceremony', name: 'Hai bên ký sổ hộ tịch, trao giấy chứng nhận', group: 'chuyen-vien' },
      ],
    },
  ),
  single('dang-ky-khai-tu', 'Đăng ký khai tử', `Thủ tục 1.000656. ${SAME_DAY}`, {
    feeAt: 'intake',
    review: 'Công chức tư pháp - hộ tịch kiểm tra, ghi sổ hộ tịch',
    sign: 'Lãnh đạo UBND ký trích lục khai tử',
  }),
  single(
    'chung-thuc-ban-sao',
    'Chứng thực bản sao từ bản chính',
    `Thủ tục 2.000815. ${SAME_DAY} Nhiều bản, phức tạp: thêm không quá 2 ngày làm việc.`,
    {
      feeAt: 'intake',
      review: 'Đối chiếu bản sao với bản chính',
      sign: 'Người có thẩm quyền ký chứng thực, đóng dấu',
    },
  ),
  single(
    'dang-ky-ho-kinh-doanh',
    'Đăng ký thành lập hộ kinh doanh',
    'Thủ tục 1.001612. 3 ngày làm việc kể từ khi nhận đủ hồ sơ hợp lệ.',
    {
      feeAt: 'intake',
      review: 'Kiểm tra hồ sơ, tên hộ kinh doanh, ngành nghề',
      sign: 'Lãnh đạo ký Giấy chứng nhận đăng ký hộ kinh doanh',
    },
  ),
  single(
    'cap-ban-sao-trich-luc-ho-tich',
    'Cấp bản sao trích lục hộ tịch',
    'Thời hạn tính theo giờ (8 giờ làm việc, quy trình nội bộ Hà Nội): tiếp nhận 2, thẩm định 3, ký 2, trả 1.',
    {
      feeAt: 'intake',
      review: 'Tra cứu sổ hộ tịch, lập bản sao trích lục',
      sign: 'Lãnh đạo UBND ký bản sao trích lục',
    },
  ),
  single(
    'cap-giay-phep-xay-dung-nha-o',
    'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    '15 ngày (theo lịch) kể từ khi nhận đủ hồ sơ hợp lệ. Quy trình nội bộ ví dụ: một cửa 1, phòng chuyên môn 10, một cửa 1.',
    {
      feeAt: 'result',
      review: 'Thẩm định hồ sơ, đối chiếu quy hoạch',
      checks: [{ id: 'SiteInspection', name: 'Kiểm tra thực địa', group: 'chuyen-vien' }],
      sign: 'Lãnh đạo UBND ký giấy phép xây dựng',
    },
  ),
  ...interAgencyPackage(
    'lien-thong-khai-sinh',
    'Liên thông khai sinh, thường trú, thẻ BHYT cho trẻ dưới 6 tuổi',
    'Nhóm thủ tục liên thông (Quyết định 296/QĐ-VPCP): 3 ngày làm việc; thường trú tối đa 2, thẻ BHYT tối đa 2.',
    {
      shareWorkingDays: 1,
      review: 'Công chức hộ tịch đăng ký khai sinh điện tử',
      sign: 'Lãnh đạo UBND ký giấy khai sinh',
    },
    [
      {
        link: link(
          'khai-sinh',
          'cong-an',
          'cong-an-xa',
          'đăng ký thường trú',
          'thuong-tru',
          'residenceDecision',
        ),
        shareWorkingDays: 2,
        name: 'Đăng ký thường trú cho trẻ (liên thông khai sinh)',
        review: 'Cán bộ đăng ký cư trú kiểm tra, cập nhật thường trú',
        sign: 'Trưởng Công an xã phê duyệt',
      },
      {
        link: link('khai-sinh', 'bhxh', 'bhxh-co-so', 'cấp thẻ BHYT', 'bhyt', 'healthCardDecision'),
        shareWorkingDays: 2,
        name: 'Cấp thẻ BHYT cho trẻ dưới 6 tuổi (liên thông khai sinh)',
        review: 'Cán bộ BHXH kiểm tra, lập thẻ BHYT',
        sign: 'Lãnh đạo BHXH phê duyệt',
      },
    ],
  ),
  ...interAgencyPackage(
    'lien-thong-khai-tu',
    'Liên thông khai tử, xóa thường trú, trợ cấp mai táng',
    'Nhóm thủ tục liên thông 1.011537 (Quyết định 296/QĐ-VPCP). Thời hạn từng cơ quan: tạm tính, chưa xác nhận.',
    {
      shareWorkingDays: 1,
      review: 'Công chức hộ tịch đăng ký khai tử',
      sign: 'Lãnh đạo UBND ký trích lục khai tử',
    },
    [
      {
        link: link(
          'khai-tu',
          'cong-an',
          'cong-an-xa',
          'xóa đăng ký thường trú',
          'xoa-thuong-tru',
          'residenceDecision',
        ),
        shareWorkingDays: 2,
        name: 'Xóa đăng ký thường trú (liên thông khai tử)',
        review: 'Cán bộ đăng ký cư trú kiểm tra, xóa thường trú',
        sign: 'Trưởng Công an xã phê duyệt',
      },
      {
        link: link(
          'khai-tu',
          'mai-tang',
          'van-hoa-xa-hoi-xa',
          'giải quyết mai táng phí',
          'mai-tang',
          'funeralAllowanceDecision',
        ),
        shareWorkingDays: 2,
        name: 'Giải quyết trợ cấp, hỗ trợ mai táng (liên thông khai tử)',
        review: 'Công chức văn hóa - xã hội xác định đối tượng, mức hưởng',
        sign: 'Lãnh đạo UBND quyết định chi trả',
      },
    ],
  ),
];
