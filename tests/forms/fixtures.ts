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

const commitment = { confirmed: true, place: 'Phường Ba Đình', date: '2025-09-10' };
const requesterOfDeath = {
  fullName: 'Lê Văn Nam',
  idNumber: '001085111222',
  residence: hanoiBaDinh,
  relationship: 'con',
};
const deceased = {
  fullName: 'Lê Văn Bình',
  birthDate: '1950-03-04',
  sex: 'nam',
  ethnicity: '01',
  nationality: 'VN',
  idNumber: '001050333444',
  lastResidence: hanoiBaDinh,
  deathDate: '2025-09-01',
  deathTime: '14:30',
  deathPlace: { province: '01', commune: '00004' },
  cause: 'Bệnh tuổi già',
  deathNotice: {
    kind: 'giay-bao-tu',
    number: '123/GBT',
    issuedDate: '2025-09-01',
    issuedBy: 'Bệnh viện Bạch Mai',
  },
};

/** One complete, correct declaration per form id. */
export function validDeclarations(): Record<string, Record<string, unknown>> {
  const birth = validBirthDeclaration();
  return {
    'to-khai-khai-sinh': birth,
    'to-khai-ket-hon': {
      addressee: { province: '79', commune: '26740' },
      bride: {
        fullName: 'Phạm Thị Hoa',
        birthDate: '1998-05-20',
        sex: 'nu',
        ethnicity: '01',
        nationality: 'VN',
        idNumber: '079198000111',
        residence: { province: '79', commune: '26740', detail: '15 Lê Lợi' },
        marriageCount: 1,
      },
      groom: {
        fullName: 'Đỗ Quang Minh',
        birthDate: '1996-11-02',
        sex: 'nam',
        ethnicity: '06',
        nationality: 'VN',
        identityPaper: {
          kind: 'ho-chieu',
          number: 'C1234567',
          issuedDate: '2020-01-15',
          issuedBy: 'Cục Quản lý xuất nhập cảnh',
        },
        residence: hanoiBaDinh,
        marriageCount: 1,
      },
      commitment,
    },
    'to-khai-khai-tu': {
      addressee: { province: '01', commune: '00004' },
      requester: requesterOfDeath,
      deceased,
      copies: { requested: false },
      commitment,
    },
    'de-nghi-chung-thuc-ban-sao': {
      addressee: { province: '01', commune: '00004' },
      requester: { fullName: 'Ngô Thu Trang', idNumber: '001301222333', residence: hanoiBaDinh },
      documents: [
        {
          title: 'Bằng tốt nghiệp đại học',
          issuer: 'Đại học Quốc gia Hà Nội',
          language: 'tieng-viet',
          pages: 1,
          copies: 3,
        },
        {
          title: 'Học bạ trung học phổ thông',
          issuer: 'Trường THPT Chu Văn An',
          language: 'tieng-viet',
          pages: 12,
          copies: 1,
        },
      ],
      resultDelivery: 'truc-tiep',
      commitment: { confirmed: true, date: '2025-09-10' },
    },
    'giay-de-nghi-dang-ky-ho-kinh-doanh': {
      addressee: { province: '01', commune: '00004' },
      businessName: 'Hộ kinh doanh Phở Gánh Bà Lan',
      headOffice: { province: '01', commune: '00004', detail: '8 Hàng Chiếu' },
      businessLines: [{ code: '5610', description: 'Nhà hàng và các dịch vụ ăn uống phục vụ lưu động' }],
      capital: 150_000_000,
      employees: 4,
      headKind: 'ca-nhan',
      head: {
        fullName: 'Nguyễn Thị Lan',
        birthDate: '1990-02-14',
        sex: 'nu',
        ethnicity: '01',
        nationality: 'VN',
        idNumber: '001190123456',
        residence: hanoiBaDinh,
        phone: '0912345678',
      },
      commitment,
    },
    'don-de-nghi-cap-giay-phep-xay-dung-nha-o': {
      addressee: { province: '01', commune: '00004' },
      investor: {
        fullName: 'Trần Văn Hùng',
        idNumber: '001088654321',
        contactAddress: hanoiBaDinh,
        phone: '0987654321',
      },
      site: {
        parcelNumber: '125',
        mapSheet: '17',
        plotArea: 82.5,
        address: { province: '01', commune: '00004', detail: 'Ngõ 29 Đội Cấn' },
        landUseCertificate: 'CS 123456, cấp ngày 12/03/2019',
      },
      works: {
        permitKind: 'xay-moi',
        worksGrade: 'cap-iii',
        groundFloorArea: 70,
        totalFloorArea: 280,
        height: 15.6,
        floorsAbove: 4,
        basements: 0,
        mezzanine: true,
      },
      designer: { name: 'Công ty TNHH Kiến trúc Việt', certificate: 'HAN-00012345' },
      expectedMonths: 8,
      commitment,
    },
    'to-khai-lien-thong-khai-sinh-tre-duoi-6': {
      addressee: birth.addressee,
      requester: birth.requester,
      child: {
        fullName: 'Trần Minh Khôi',
        birthDate: '2025-09-02',
        sex: 'nam',
        ethnicity: '01',
        nationality: 'VN',
        birthPlace: { province: '01', commune: '00004' },
        hometown: 'Xã Phù Đổng, Thành phố Hà Nội',
      },
      parentsKnown: 'ca-cha-va-me',
      mother: birth.mother,
      father: birth.father,
      residence: {
        address: hanoiBaDinh,
        householdHeadName: 'Trần Văn Hùng',
        householdHeadIdNumber: '001088654321',
        relationshipToHead: 'Con',
      },
      healthInsurance: { primaryCareFacility: 'Trạm y tế phường Ba Đình', cardDelivery: 'dien-tu' },
      commitment,
    },
    'to-khai-lien-thong-khai-tu': {
      addressee: { province: '01', commune: '00004' },
      requester: requesterOfDeath,
      deceased,
      residenceRemoval: { permanentAddress: hanoiBaDinh, householdHeadName: 'Lê Văn Bình' },
      funeral: {
        deceasedCategory: 'huong-luong-huu',
        socialInsuranceNumber: '0101234567',
        organiserIsRequester: true,
        paymentMethod: 'tai-khoan',
        bankName: 'Vietcombank',
        bankAccount: '0011001234567',
        accountHolder: 'Lê Văn Nam',
      },
      commitment,
    },
  };
}
