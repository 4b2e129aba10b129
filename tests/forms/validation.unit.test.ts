import { getForm, type FormDefinition } from '../../forms/registry';
import { validateDeclaration } from '../../forms/validation';
import { validBirthDeclaration } from './fixtures';

function birth(): FormDefinition {
  const form = getForm('to-khai-khai-sinh');
  if (!form) throw new Error('to-khai-khai-sinh missing');
  return form;
}

type Data = Record<string, Record<string, unknown>>;

function errorsOf(mutate: (d: Data) => void, lang: 'vi' | 'en' = 'vi') {
  const data = validBirthDeclaration() as Data;
  mutate(data);
  const result = validateDeclaration(birth(), data, { lang });
  expect(result.valid).toBe(false);
  return result.errors;
}

describe('validateDeclaration — tờ khai khai sinh', () => {
  it('accepts a complete, correct declaration', () => {
    expect(validateDeclaration(birth(), validBirthDeclaration(), { lang: 'vi' })).toEqual({
      valid: true,
      errors: [],
    });
  });

  it.each([
    [
      'missing child name',
      (d: Data) => delete d.child!.fullName,
      '/child/fullName',
      'Họ, chữ đệm, tên (Người được khai sinh) là thông tin bắt buộc.',
    ],
    [
      'birth date in the future',
      (d: Data) => (d.child!.birthDate = '2999-01-01'),
      '/child/birthDate',
      'Ngày, tháng, năm sinh (Người được khai sinh) không được sau ngày hôm nay.',
    ],
    [
      'impossible birth date',
      (d: Data) => (d.child!.birthDate = '2025-02-30'),
      '/child/birthDate',
      'Ngày, tháng, năm sinh (Người được khai sinh) phải là ngày hợp lệ (ngày/tháng/năm).',
    ],
    [
      'unknown ethnic group',
      (d: Data) => (d.child!.ethnicity = '99'),
      '/child/ethnicity',
      'Dân tộc (Người được khai sinh) không có trong danh mục dân tộc.',
    ],
    [
      'unknown nationality',
      (d: Data) => (d.mother!.nationality = 'QQ'),
      '/mother/nationality',
      'Quốc tịch (Mẹ) không có trong danh mục quốc tịch.',
    ],
    [
      'sex outside the list',
      (d: Data) => (d.child!.sex = 'x'),
      '/child/sex',
      'Giới tính (Người được khai sinh) không thuộc danh sách cho phép.',
    ],
    [
      'commune of another province',
      (d: Data) => (d.child!.birthPlace = { province: '79', commune: '00004' }),
      '/child/birthPlace/commune',
      'Xã, phường, đặc khu (Người được khai sinh) không thuộc tỉnh, thành phố đã chọn.',
    ],
    [
      'CCCD with 11 digits',
      (d: Data) => (d.requester!.idNumber = '00119012345'),
      '/requester/idNumber',
      'Số định danh cá nhân (Người yêu cầu) phải gồm đúng 12 chữ số.',
    ],
    [
      'CCCD year not matching the mother’s birth year',
      (d: Data) => (d.mother!.birthYear = 1991),
      '/mother/idNumber',
      'Số định danh cá nhân (Mẹ) không khớp với năm sinh đã khai (chữ số thứ 4–6).',
    ],
    [
      'name with digits',
      (d: Data) => (d.father!.fullName = 'Trần Văn 2'),
      '/father/fullName',
      'Họ, chữ đệm, tên (Cha) không đúng định dạng: chỉ gồm chữ cái, dấu cách, dấu nháy, dấu gạch nối.',
    ],
    [
      'commitment not ticked',
      (d: Data) => (d.commitment!.confirmed = false),
      '/commitment/confirmed',
      'phải được đánh dấu xác nhận.',
    ],
    [
      'father missing although both parents are known',
      (d: Data) => delete (d as Record<string, unknown>).father,
      '/father',
      'Cha là thông tin bắt buộc.',
    ],
    [
      'no ID number and no identity paper',
      (d: Data) => delete d.requester!.idNumber,
      '/requester/identityPaper',
      'Giấy tờ tùy thân (Người yêu cầu) là thông tin bắt buộc.',
    ],
    [
      'copies requested without a count',
      (d: Data) => delete d.copies!.count,
      '/copies/count',
      'Số lượng bản sao (Đề nghị cấp bản sao) là thông tin bắt buộc.',
    ],
    [
      'addressee commune missing',
      (d: Data) => (d.addressee = { province: '01' }),
      '/addressee/commune',
      'Xã, phường, đặc khu (Kính gửi: Ủy ban nhân dân xã, phường, đặc khu) là thông tin bắt buộc.',
    ],
  ])('%s gives a Vietnamese error naming the field', (_case, mutate, path, message) => {
    const errors = errorsOf(mutate);
    const hit = errors.find((e) => e.path === path);
    expect(hit).toBeDefined();
    expect(hit!.message).toContain(message);
    expect(hit!.message).toContain(hit!.field);
    expect(errors).toHaveLength(1);
  });

  it('reports every wrong field at once, one message per field', () => {
    const errors = errorsOf((d) => {
      d.child!.birthDate = 'hôm qua';
      d.child!.ethnicity = '00';
      delete d.requester!.fullName;
    });
    expect(errors.map((e) => e.path).sort()).toEqual([
      '/child/birthDate',
      '/child/ethnicity',
      '/requester/fullName',
    ]);
  });

  it('speaks English when asked, with the English label', () => {
    const errors = errorsOf((d) => delete d.child!.fullName, 'en');
    expect(errors).toEqual([
      {
        path: '/child/fullName',
        field: 'Full name (Person to be registered)',
        message: 'Full name (Person to be registered) is required.',
        keyword: 'required',
      },
    ]);
  });

  it('rejects fields that are not on the form', () => {
    const errors = errorsOf((d) => (d.child!.nickname = 'Bin'));
    expect(errors[0]!.message).toContain('“nickname” không thuộc tờ khai');
  });
});
