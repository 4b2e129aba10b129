// Valid declarations for each form, reused by the validation and rendering tests.
export const hanoiBaDinh = { province: '01', commune: '00004', detail: 'Số 12 phố Đội Cấn' };

export function validBirthDeclaration(): Record<string, unknown> {
  return {
    addressee: { province: '01', commune: '00004' },
    requester: {
      fullName: 'Nguyễn Thị Lan',
      idNumber: '001190123456',
      residence: hanoiBaDinh,
      relationship: 'me',
      phone: '0912345678',
    },
    child: {
      fullName: 'Trần Minh Khôi',
      birthDate: '2025-09-02',
      birthDateInWords: 'Ngày hai tháng chín năm hai nghìn không trăm hai mươi lăm',
      sex: 'nam',
      ethnicity: '01',
      nationality: 'VN',
      birthPlaceKind: 'co-so-y-te',
      birthFacility: 'Bệnh viện Phụ sản Hà Nội',
      birthPlace: { province: '01', commune: '00004' },
      hometown: 'Xã Phù Đổng, Thành phố Hà Nội',
    },
    parentsKnown: 'ca-cha-va-me',
    mother: {
      fullName: 'Nguyễn Thị Lan',
      birthYear: 1990,
      idNumber: '001190123456',
      ethnicity: '01',
      nationality: 'VN',
      residence: hanoiBaDinh,
    },
    father: {
      fullName: 'Trần Văn Hùng',
      birthYear: 1988,
      idNumber: '001088654321',
      ethnicity: '01',
      nationality: 'VN',
      residence: hanoiBaDinh,
    },
    copies: { requested: true, count: 2 },
    commitment: { confirmed: true, place: 'Phường Ba Đình', date: '2025-09-10' },
  };
}
