// Reference lists the declaration forms need. Browser-safe: plain JSON imports, no I/O.
import provincesJson from './provinces.json';
import communesJson from './communes.json';
import ethnicGroupsJson from './ethnic-groups.json';
import nationalitiesJson from './nationalities.json';
import cccdBirthplaceJson from './cccd-birthplace-codes.json';
import type {
  CccdBirthplaceList,
  Commune,
  CommuneList,
  EthnicGroupList,
  NationalityList,
  ProvinceList,
} from './types';

export type * from './types';

export const provinces: ProvinceList = provincesJson as ProvinceList;
export const communes: CommuneList = communesJson as CommuneList;
export const ethnicGroups: EthnicGroupList = ethnicGroupsJson as EthnicGroupList;
export const nationalities: NationalityList = nationalitiesJson as NationalityList;
export const cccdBirthplaces: CccdBirthplaceList = cccdBirthplaceJson as CccdBirthplaceList;

export function communesOf(provinceCode: string): Commune[] {
  return communes.byProvince[provinceCode] ?? [];
}

/** A reference list usable as a select: code → label in the requested language. */
export type RefDataName = 'provinces' | 'ethnicGroups' | 'nationalities';

export interface RefOption {
  code: string;
  label: string;
}

const optionLists = new Map<string, RefOption[]>();

/** Built once per list and language; the same array on every call (renderers draw it on every render). */
export function refOptions(name: RefDataName, lang: 'vi' | 'en' = 'vi'): RefOption[] {
  const key = `${name}:${lang}`;
  let options = optionLists.get(key);
  if (!options) {
    options = buildOptions(name, lang);
    optionLists.set(key, options);
  }
  return options;
}

function buildOptions(name: RefDataName, lang: 'vi' | 'en'): RefOption[] {
  switch (name) {
    case 'provinces':
      return provinces.items.map((p) => ({ code: p.code, label: p.name }));
    case 'ethnicGroups':
      return ethnicGroups.items.map((e) => ({ code: e.code, label: e.name }));
    case 'nationalities':
      return nationalities.items.map((n) => ({ code: n.code, label: lang === 'en' ? n.en : n.vi }));
  }
}

const codeSets = new Map<RefDataName, Set<string>>();
export function isRefCode(name: RefDataName, code: string): boolean {
  let set = codeSets.get(name);
  if (!set) {
    set = new Set(refOptions(name).map((o) => o.code));
    codeSets.set(name, set);
  }
  return set.has(code);
}

export function isCommuneOf(provinceCode: string, communeCode: string): boolean {
  return communesOf(provinceCode).some((c) => c.code === communeCode);
}
