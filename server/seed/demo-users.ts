// Demo accounts: one per role, and officers in each candidate group of the process contract
// (mot-cua: counter, chuyen-vien: specialist, lanh-dao: leader). Passwords are generated, never written here.
import type { Role } from '../../processes/roles';

export interface SeedUser {
  username: string;
  displayName: string;
  roles: Role[];
  agencyCode?: string;
  groups: string[];
}

const hoanKiemCentre = '001.00.31.H26';

export const demoUsers: SeedUser[] = [
  {
    username: 'quantri',
    displayName: 'Quản trị hệ thống',
    roles: ['admin'],
    agencyCode: '001.00.00.H26',
    groups: [],
  },
  {
    username: 'thietke',
    displayName: 'Cán bộ thiết kế quy trình',
    roles: ['designer'],
    agencyCode: '001.00.00.H26',
    groups: [],
  },
  {
    username: 'tiepnhan.hoankiem',
    displayName: 'Nguyễn Thị Lan (tiếp nhận)',
    roles: ['officer'],
    agencyCode: hoanKiemCentre,
    groups: ['mot-cua'],
  },
  {
    username: 'chuyenvien.hoankiem',
    displayName: 'Trần Văn Minh (chuyên viên)',
    roles: ['officer'],
    agencyCode: hoanKiemCentre,
    groups: ['chuyen-vien'],
  },
  {
    username: 'lanhdao.hoankiem',
    displayName: 'Lê Quang Hải (lãnh đạo)',
    roles: ['leader'],
    agencyCode: hoanKiemCentre,
    groups: ['lanh-dao'],
  },
  {
    username: 'tiepnhan.badinh',
    displayName: 'Phạm Thu Hà (tiếp nhận)',
    roles: ['officer'],
    agencyCode: '001.00.32.H26',
    groups: ['mot-cua'],
  },
  // Partner agencies of the inter-agency paths (the under-6 birth package): police and social insurance.
  {
    username: 'chuyenvien.congan',
    displayName: 'Đỗ Văn Hùng (cán bộ đăng ký cư trú)',
    roles: ['officer'],
    agencyCode: '000.00.20.H26',
    groups: ['chuyen-vien'],
  },
  {
    username: 'lanhdao.congan',
    displayName: 'Vũ Đức Thắng (lãnh đạo công an)',
    roles: ['leader'],
    agencyCode: '000.00.20.H26',
    groups: ['lanh-dao'],
  },
  {
    username: 'chuyenvien.bhxh',
    displayName: 'Hoàng Thị Mai (cán bộ BHXH)',
    roles: ['officer'],
    agencyCode: '000.00.21.H26',
    groups: ['chuyen-vien'],
  },
  {
    username: 'lanhdao.bhxh',
    displayName: 'Ngô Thanh Bình (lãnh đạo BHXH)',
    roles: ['leader'],
    agencyCode: '000.00.21.H26',
    groups: ['lanh-dao'],
  },
  { username: 'congdan', displayName: 'Công dân (thử nghiệm)', roles: ['citizen'], groups: [] },
];
