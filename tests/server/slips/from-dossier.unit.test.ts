import { Types } from 'mongoose';
import { renderSlip } from '../../../server/slips';
import { controlSlipFromDossier } from '../../../server/slips/control-slip/from-dossier';
import { actingSigner, printedSlipNumber, type ActingUser } from '../../../server/slips/from-dossier';
import { logBookEntryFromDossier } from '../../../server/slips/log-book/from-dossier';
import { receiptFromDossier } from '../../../server/slips/receipt/from-dossier';
import type { Dossier } from '../../../server/models/Dossier';
import { agency, applicant } from './fixtures';
import { pdfText } from './pdf-text';

const commune = new Types.ObjectId();
const police = new Types.ObjectId();
const names = new Map([
  [commune.toString(), 'UBND phường Hoàn Kiếm'],
  [police.toString(), 'Công an phường Hoàn Kiếm'],
]);
const agencyName = (id: { toString(): string } | undefined) => names.get(String(id)) ?? 'Không rõ';

const dossier = {
  code: '000.00.64.H26-260302-0004',
  applicant: { ...applicant, idNumber: '001090012345' },
  procedure: {
    id: new Types.ObjectId(),
    code: '1.001193',
    name: 'Đăng ký khai sinh',
    version: 1,
    bpmnProcessId: 'dang-ky-khai-sinh',
    forms: [],
    timeLimit: { value: 3, unit: 'working-days' as const },
    components: [
      { id: 'to-khai', name: 'Tờ khai đăng ký khai sinh', required: true, originals: 1, copies: 0 },
      { id: 'giay-chung-sinh', name: 'Giấy chứng sinh', required: true, originals: 1, copies: 0 },
      { id: 'uy-quyen', name: 'Văn bản ủy quyền', required: false, originals: 1, copies: 0 },
    ],
  },
  documents: [
    { component: 'to-khai', fileIds: ['a'], digitised: true, original: true },
    { component: 'giay-chung-sinh', fileIds: ['b'], digitised: false, original: true },
    { component: 'giay-chung-sinh', fileIds: ['c'], digitised: false, original: false },
  ],
  status: 10 as const,
  submittedAt: new Date('2026-03-02T01:55:00Z'),
  receivedAt: new Date('2026-03-02T02:00:00Z'),
  appointmentAt: new Date('2026-03-05T10:00:00Z'),
  dueAt: new Date('2026-03-05T10:00:00Z'),
  resolvedAt: new Date('2026-03-04T08:00:00Z'),
  returnedAt: new Date('2026-03-05T02:00:00Z'),
  returnChannel: 'post' as const,
  stepDeadlines: [
    {
      step: 'Thẩm định',
      agency: commune,
      startedAt: new Date('2026-03-02T03:00:00Z'),
      dueAt: new Date('2026-03-03T10:00:00Z'),
      finishedAt: new Date('2026-03-03T04:00:00Z'),
    },
    {
      step: 'Đăng ký thường trú',
      agency: police,
      startedAt: new Date('2026-03-03T04:00:00Z'),
      dueAt: new Date('2026-03-04T10:00:00Z'),
      finishedAt: new Date('2026-03-05T01:00:00Z'),
    },
  ],
} satisfies Partial<Dossier>;

describe('slip data from a stored dossier', () => {
  it('builds the receipt with the components as submitted, originals and copies counted', async () => {
    const data = receiptFromDossier(dossier, {
      agency,
      place: 'Hoàn Kiếm',
      number: '31',
      officer: { name: 'Trần Thị Bình' },
      lookupCode: 'ZX81-KQ3P',
    });
    expect(data.components).toEqual([
      { name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, note: 'Đã số hóa' },
      { name: 'Giấy chứng sinh', originals: 1, copies: 1 },
    ]);
    expect(data.resultPickup).toBe('post');
    const { text } = await pdfText(await renderSlip('receipt', data));
    expect(text).toContain('03 ngày làm việc');
    expect(text).toContain('09 giờ 00 phút, ngày 02 tháng 03 năm 2026');
    expect(text).toContain('17 giờ 00 phút, ngày 05 tháng 03 năm 2026');
    expect(text).toContain('ZX81-KQ3P');
    expect(text).not.toContain('Văn bản ủy quyền');
  });

  it('refuses a receipt without an appointment, naming the field', () => {
    expect(() =>
      receiptFromDossier(
        { ...dossier, appointmentAt: undefined, dueAt: undefined },
        { agency, place: 'Hoàn Kiếm', number: '1', officer: { name: 'X' } },
      ),
    ).toThrow(/appointmentAt/);
  });

  it('turns step deadlines into hand-over rows graded against each step due time', () => {
    const data = controlSlipFromDossier(dossier, { agency, counterName: 'Bộ phận Một cửa', agencyName });
    expect(data.handOvers.map((h) => [h.fromAgency, h.toAgency, h.result])).toEqual([
      ['Bộ phận Một cửa', 'UBND phường Hoàn Kiếm — Thẩm định', undefined],
      ['UBND phường Hoàn Kiếm — Thẩm định', 'Công an phường Hoàn Kiếm — Đăng ký thường trú', 'on-time'],
      ['Công an phường Hoàn Kiếm — Đăng ký thường trú', 'Bộ phận Một cửa', 'late'],
    ]);
    expect(data.leadAgency).toBe('UBND phường Hoàn Kiếm');
    expect(data.cooperatingAgencies).toEqual(['Công an phường Hoàn Kiếm']);
  });

  it('writes a log-book line with transfer, result and return dates', () => {
    const entry = logBookEntryFromDossier(dossier, 'UBND phường Hoàn Kiếm');
    expect(entry.transferredAt).toEqual(dossier.stepDeadlines[0]?.startedAt);
    expect(entry.returnedAt).toEqual(dossier.returnedAt);
    expect(entry.outcome).toBeUndefined();
    expect(logBookEntryFromDossier({ ...dossier, status: 5 }, 'x').outcome).toBe('Yêu cầu bổ sung');
  });

  it('prints the stored form number, or the n of an older slip id', () => {
    expect(printedSlipNumber({ number: `04-${dossier.code}-1`, formNumber: '12/PXL' })).toBe('12/PXL');
    expect(printedSlipNumber({ number: `04-${dossier.code}-2` })).toBe('2');
  });

  it('has the latest leader who acted sign 04/05, else the latest officer, by name and title', () => {
    const counter = new Types.ObjectId();
    const specialist = new Types.ObjectId();
    const leader = new Types.ObjectId();
    const users = new Map<string, ActingUser>([
      [
        counter.toString(),
        { displayName: 'Nguyễn Thị Lan (tiếp nhận)', roles: ['officer'], groups: ['mot-cua'] },
      ],
      [specialist.toString(), { displayName: 'Trần Văn Minh', roles: ['officer'], groups: ['chuyen-vien'] }],
      [
        leader.toString(),
        { displayName: 'Lê Quang Hải (lãnh đạo)', roles: ['leader'], groups: ['lanh-dao'] },
      ],
    ]);
    const event = (userId: Types.ObjectId, at: string) => ({
      at: new Date(at),
      actor: { kind: 'user' as const, userId },
      action: 'task.completed',
    });
    const timeline = [
      event(counter, '2026-03-02T02:00:00Z'),
      event(leader, '2026-03-03T02:00:00Z'),
      event(specialist, '2026-03-04T02:00:00Z'),
      { at: new Date('2026-03-04T03:00:00Z'), actor: { kind: 'system' as const }, action: 'dossier.overdue' },
    ];
    expect(actingSigner({ timeline }, new Date('2026-03-05T00:00:00Z'), users)).toEqual({
      name: 'Lê Quang Hải',
      title: 'THỦ TRƯỞNG CƠ QUAN',
    });
    // Before the leader acted: the latest officer.
    expect(actingSigner({ timeline }, new Date('2026-03-02T12:00:00Z'), users)).toEqual({
      name: 'Nguyễn Thị Lan',
      title: 'CÔNG CHỨC TIẾP NHẬN HỒ SƠ',
    });
    expect(actingSigner({ timeline: timeline.slice(2) }, new Date('2026-03-05T00:00:00Z'), users)).toEqual({
      name: 'Trần Văn Minh',
      title: 'CÔNG CHỨC XỬ LÝ HỒ SƠ',
    });
    expect(
      actingSigner({ timeline: timeline.slice(3) }, new Date('2026-03-05T00:00:00Z'), users),
    ).toBeUndefined();
  });
});
