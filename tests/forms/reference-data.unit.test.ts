import {
  cccdBirthplaces,
  communes,
  communesOf,
  ethnicGroups,
  isCommuneOf,
  isRefCode,
  nationalities,
  provinces,
  refOptions,
} from '../../forms/reference-data';
import { buildAdminUnits, buildNationalities } from '../../forms/reference-data/sources';

describe('reference data', () => {
  it('has the 34 provinces and cities of Resolution 202/2025/QH15: 6 centrally-run cities, 28 provinces', () => {
    expect(provinces.items).toHaveLength(34);
    expect(
      provinces.items
        .filter((p) => p.kind === 'thanh-pho')
        .map((p) => p.shortName)
        .sort(),
    ).toEqual(['Cần Thơ', 'Hà Nội', 'Hải Phòng', 'Huế', 'Hồ Chí Minh', 'Đà Nẵng'].sort());
    expect(new Set(provinces.items.map((p) => p.code)).size).toBe(34);
    expect(provinces.effectiveFrom).toBe('2025-06-12');
    expect(provinces.source).toContain('202/2025/QH15');
  });

  it('has the communes, wards and special zones of every province (3,321), Hà Nội’s 126 among them', () => {
    const total = Object.values(communes.byProvince).reduce((n, list) => n + list.length, 0);
    expect(total).toBe(3321);
    expect(communesOf('01')).toHaveLength(126);
    for (const p of provinces.items) expect(communesOf(p.code).length).toBeGreaterThan(0);
    expect(Object.keys(communes.byProvince).sort()).toEqual(provinces.items.map((p) => p.code).sort());
    expect(communesOf('01').find((c) => c.code === '00004')?.name).toBe('Phường Ba Đình');
    expect(communes.effectiveFrom).toBe('2025-07-01');
    expect(isCommuneOf('01', '00004')).toBe(true);
    expect(isCommuneOf('79', '00004')).toBe(false);
    expect(communesOf('00')).toEqual([]);
  });

  it('has the 54 ethnic groups with codes 01–54', () => {
    expect(ethnicGroups.items).toHaveLength(54);
    expect(ethnicGroups.items.map((e) => e.code)).toEqual(
      Array.from({ length: 54 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    expect(ethnicGroups.items[0]?.name).toBe('Kinh');
    expect(ethnicGroups.items[53]?.name).toBe('Rơ-măm');
    expect(ethnicGroups.source).toMatch(/121-TCTK/);
  });

  it('has ISO 3166-1 nationalities with Vietnamese names, Việt Nam first', () => {
    expect(nationalities.items).toHaveLength(249);
    expect(nationalities.items[0]).toEqual({ code: 'VN', alpha3: 'VNM', vi: 'Việt Nam', en: 'Vietnam' });
    expect(nationalities.items.find((n) => n.code === 'FR')?.vi).toBe('Pháp');
    expect(refOptions('nationalities', 'en')[0]).toEqual({ code: 'VN', label: 'Vietnam' });
    expect(isRefCode('nationalities', 'XK')).toBe(false);
  });

  it('covers every 2025 province code among the CCCD birthplace codes', () => {
    expect(cccdBirthplaces.items).toHaveLength(63);
    const codes = new Set(cccdBirthplaces.items.map((c) => c.code));
    for (const p of provinces.items) expect(codes.has(`0${p.code}`)).toBe(true);
  });

  it('states a source and an effective date on every list', () => {
    for (const list of [provinces, communes, ethnicGroups, nationalities, cccdBirthplaces]) {
      expect(list.source.length).toBeGreaterThan(10);
      expect(list.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('matches what the npm data packages hold today (regenerate with forms/reference-data/generate.ts)', () => {
    const built = buildAdminUnits();
    expect(built.provinces).toEqual(provinces);
    expect(built.communes).toEqual(communes);
    expect(buildNationalities()).toEqual(nationalities);
  });
});
