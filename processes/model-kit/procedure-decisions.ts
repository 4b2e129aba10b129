// Decision tables of the catalogue's procedures (fees and exemptions their legal basis gives); build.ts writes
// each as a .dmn beside the procedure's BPMN, whose business rule task calls it.
import type { DecisionRequirementsSpec } from './write-dmn';

export interface ProcedureDecisionFile {
  folder: string;
  file: string;
  spec: DecisionRequirementsSpec;
}

/** Applicant categories exempt from every civil-status fee (Luật Hộ tịch 2014, Điều 11 khoản 1 điểm a). */
export const CIVIL_STATUS_EXEMPT_CATEGORIES = ['gia-dinh-co-cong', 'ho-ngheo', 'nguoi-khuyet-tat'] as const;

const exemptCategories = CIVIL_STATUS_EXEMPT_CATEGORIES.map((c) => `"${c}"`).join(',');

/**
 * Miễn lệ phí đăng ký khai sinh: exempt by category (Điều 11.1.a) or when registered within 60 days of the birth
 * (Điều 11.1.b with Điều 15); past 60 days the fee is the province's (Thông tư 85/2019/TT-BTC). Unknown dates
 * decide nothing: the catalogue's fees apply.
 */
export const BIRTH_REGISTRATION_FEE_DECISION = 'mien-le-phi-khai-sinh';

export const PROCEDURE_DECISIONS: ProcedureDecisionFile[] = [
  {
    folder: 'dang-ky-khai-sinh',
    file: 'dang-ky-khai-sinh.dmn',
    spec: {
      id: 'dang-ky-khai-sinh-le-phi',
      name: 'Lệ phí đăng ký khai sinh',
      decisions: [
        {
          id: BIRTH_REGISTRATION_FEE_DECISION,
          name: 'Miễn lệ phí đăng ký khai sinh',
          documentation:
            'Luật Hộ tịch 2014, Điều 11 khoản 1: miễn lệ phí cho người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật (điểm a) và khai sinh đúng hạn (điểm b; 60 ngày kể từ ngày sinh, Điều 15). Quá hạn: lệ phí do HĐND tỉnh quy định (Thông tư 85/2019/TT-BTC).',
          hitPolicy: 'FIRST',
          inputs: [
            { label: 'Đối tượng người yêu cầu', expression: 'applicantCategory', typeRef: 'string' },
            {
              label: 'Số ngày từ ngày sinh đến ngày tiếp nhận',
              expression: '(date(receivedOn) - date(childBirthDate)).days',
              typeRef: 'number',
            },
          ],
          outputs: [
            { name: 'exempt', label: 'Miễn lệ phí', typeRef: 'boolean' },
            { name: 'basis', label: 'Căn cứ', typeRef: 'string' },
          ],
          rules: [
            {
              when: [exemptCategories, '-'],
              then: ['true', '"Luật Hộ tịch 2014, Điều 11 khoản 1 điểm a"'],
              description: 'Gia đình có công với cách mạng, hộ nghèo, người khuyết tật',
            },
            {
              when: ['-', '<= 60'],
              then: ['true', '"Luật Hộ tịch 2014, Điều 11 khoản 1 điểm b (khai sinh đúng hạn)"'],
              description: 'Đăng ký trong 60 ngày kể từ ngày sinh (Điều 15)',
            },
            {
              when: ['-', '> 60'],
              then: ['false', '"Khai sinh quá hạn: lệ phí theo nghị quyết HĐND tỉnh"'],
              description: 'Quá hạn, không thuộc đối tượng miễn',
            },
            {
              when: ['-', '-'],
              then: ['null', '"Chưa rõ ngày sinh hoặc ngày tiếp nhận: theo danh mục lệ phí của thủ tục"'],
              description: 'Thiếu ngày: không quyết định, áp dụng lệ phí của phiên bản thủ tục',
            },
          ],
        },
      ],
    },
  },
];
