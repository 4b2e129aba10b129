// Hà Nội's organisation tree under two-level local government (from 1 July 2025): the city, its Public
// Administration Service Centre, departments, sector bodies, and a few wards/communes with their own centres.
// Identifier codes: the published list of Hà Nội's codes (Decision 20/2020/QĐ-TTg) was not available to us, so
// every code below is our placeholder in the right shape and tagged provisional; replace from the official list.
import type { AgencyKind, AgencyLevel } from '../../processes/procedure-vocabulary';

export interface SeedAgency {
  code: string;
  provisional: boolean;
  name: string;
  level: AgencyLevel;
  kind: AgencyKind;
  parentCode?: string;
  roles?: string[];
}

const city = '000.00.00.H26';

const communes: [number, string][] = [
  [31, 'Phường Hoàn Kiếm'],
  [32, 'Phường Ba Đình'],
  [33, 'Phường Cầu Giấy'],
  [34, 'Phường Hà Đông'],
  [35, 'Xã Sóc Sơn'],
];

export const hanoiAgencies: SeedAgency[] = [
  {
    code: city,
    provisional: true,
    name: 'Ủy ban nhân dân Thành phố Hà Nội',
    level: 'province',
    kind: 'authority',
  },
  {
    code: '001.00.00.H26',
    provisional: true,
    name: 'Trung tâm Phục vụ hành chính công Thành phố Hà Nội',
    level: 'province',
    kind: 'service-centre',
    parentCode: city,
  },
  {
    code: '000.00.10.H26',
    provisional: true,
    name: 'Sở Tư pháp Thành phố Hà Nội',
    level: 'department',
    kind: 'authority',
    parentCode: city,
  },
  {
    code: '000.00.11.H26',
    provisional: true,
    name: 'Sở Xây dựng Thành phố Hà Nội',
    level: 'department',
    kind: 'authority',
    parentCode: city,
  },
  {
    code: '000.00.12.H26',
    provisional: true,
    name: 'Sở Tài chính Thành phố Hà Nội',
    level: 'department',
    kind: 'authority',
    parentCode: city,
  },
  {
    code: '000.00.20.H26',
    provisional: true,
    name: 'Công an Thành phố Hà Nội',
    level: 'sector',
    kind: 'authority',
    roles: ['cong-an-xa'],
    parentCode: city,
  },
  {
    code: '000.00.21.H26',
    provisional: true,
    name: 'Bảo hiểm xã hội Thành phố Hà Nội',
    level: 'sector',
    kind: 'authority',
    roles: ['bhxh-co-so'],
    parentCode: city,
  },
  ...communes.flatMap(([n, name]): SeedAgency[] => [
    {
      code: `000.00.${n}.H26`,
      provisional: true,
      name: `Ủy ban nhân dân ${name}`,
      level: 'commune',
      kind: 'authority',
      roles: ['ubnd-xa', 'van-hoa-xa-hoi-xa'],
      parentCode: city,
    },
    {
      code: `001.00.${n}.H26`,
      provisional: true,
      name: `Trung tâm Phục vụ hành chính công ${name}`,
      level: 'commune',
      kind: 'service-centre',
      parentCode: `000.00.${n}.H26`,
    },
  ]),
];

/** Two-level local government took effect on this day (Asia/Ho_Chi_Minh). */
export const twoLevelGovernmentSince = new Date('2025-07-01T00:00:00+07:00');
