// Test fixtures written through mongoose over the wire: a published procedure (birth registration, commune
// level) and request bodies of a valid counter submission.
import { ProcedureModel } from '../../../server/models/Procedure';

export const birthRegistrationCode = '1.001193';

export async function publishBirthRegistration(): Promise<void> {
  await ProcedureModel.updateOne(
    { code: birthRegistrationCode },
    {
      $setOnInsert: {
        code: birthRegistrationCode,
        names: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
        field: { name: 'Hộ tịch' },
        level: 'commune',
        implementingAgencies: [],
        publishedVersion: 1,
        versions: [
          {
            version: 1,
            status: 'published',
            changelog: 'Phiên bản đầu',
            createdAt: new Date('2025-07-01T00:00:00Z'),
            publishedAt: new Date('2025-07-01T00:00:00Z'),
            bpmnProcessId: 'dang-ky-khai-sinh',
            forms: [{ formId: 'to-khai-khai-sinh', formVersion: '2020.1' }],
            timeLimit: { value: 1, unit: 'working-days', sameDayCutoff: '15:00' },
            fees: [{ name: 'Lệ phí đăng ký khai sinh', amount: 0, collectAt: 'intake' }],
            components: [
              { id: 'to-khai', name: 'Tờ khai đăng ký khai sinh', required: true, originals: 1, copies: 0 },
              { id: 'giay-chung-sinh', name: 'Giấy chứng sinh', required: true, originals: 1, copies: 0 },
            ],
            onlineLevel: 'full',
          },
        ],
      },
    },
    { upsert: true },
  );
}

export function counterSubmission(overrides: Record<string, unknown> = {}) {
  return {
    procedureCode: birthRegistrationCode,
    channel: 'counter',
    applicant: {
      name: 'Nguyễn Văn An',
      idNumber: '001099012345',
      phone: '0912345678',
      address: 'Phường Hoàn Kiếm',
    },
    declaration: { data: { child: { fullName: 'Nguyễn Minh Khôi', birthDate: '2025-06-20' } } },
    documents: [
      { component: 'to-khai', original: true },
      { component: 'giay-chung-sinh', original: true },
    ],
    returnChannel: 'counter',
    ...overrides,
  };
}
