// The parts the slips' data share (each slip's own data is in server/slips/<kind>/data.ts), as plain data: the
// slips know nothing of the database. Instants are Dates (printed in Vietnam's time); free text is printed as given.

/** The two-line agency header at the top left of every form. */
export interface SlipAgency {
  /** Cơ quan chủ quản, e.g. "UBND PHƯỜNG HOÀN KIẾM". */
  parentName?: string;
  /** The issuing unit, e.g. "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HOÀN KIẾM". */
  name: string;
}

export interface SlipApplicant {
  name: string;
  address?: string;
  phone?: string;
  email?: string;
}

export interface SlipSigner {
  name: string;
  /** Overrides the form's default signer title (e.g. "NGƯỜI TIẾP NHẬN HỒ SƠ"). */
  title?: string;
}

/** What every numbered slip carries: who issues it, its number, where and when. */
export interface SlipHeading {
  agency: SlipAgency;
  /** The slip number without its suffix, e.g. "125" prints "Số: 125/TNHS". */
  number: string;
  /** Place name before the date line, e.g. "Hoàn Kiếm". */
  place: string;
  issuedAt: Date;
}
