// Shapes of the reference lists. Every list names its source and the date it took effect.
export interface SourcedList {
  source: string;
  effectiveFrom: string;
}

export interface Province {
  code: string;
  name: string;
  shortName: string;
  kind: 'tinh' | 'thanh-pho';
  abbreviation: string;
}
export interface ProvinceList extends SourcedList {
  items: Province[];
}

export interface Commune {
  code: string;
  name: string;
}
export interface CommuneList extends SourcedList {
  byProvince: Record<string, Commune[]>;
}

export interface EthnicGroup {
  code: string;
  name: string;
  otherNames?: string;
}
export interface EthnicGroupList extends SourcedList {
  items: EthnicGroup[];
}

export interface Nationality {
  code: string;
  alpha3: string;
  vi: string;
  en: string;
}
export interface NationalityList extends SourcedList {
  items: Nationality[];
}

export interface CccdBirthplace {
  code: string;
  name: string;
}
export interface CccdBirthplaceList extends SourcedList {
  items: CccdBirthplace[];
}
