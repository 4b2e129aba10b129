import { checkCccd, todayInVietnam } from '../../forms/validation';

describe('checkCccd', () => {
  it('reads a valid number: birthplace, sex and century, birth year', () => {
    expect(checkCccd('001190123456')).toEqual({
      valid: true,
      problems: [],
      birthplaceCode: '001',
      birthplaceName: 'Hà Nội',
      sex: 'nu',
      birthYear: 1990,
    });
    expect(checkCccd('079203000123')).toMatchObject({
      valid: true,
      birthplaceName: 'Hồ Chí Minh',
      sex: 'nam',
      birthYear: 2003,
    });
  });

  it('accepts the code of a province that was merged in 2025 (cards keep the old code)', () => {
    expect(checkCccd('035095001234')).toMatchObject({
      valid: true,
      birthplaceName: 'Hà Nam',
      birthYear: 1995,
    });
  });

  it.each([
    ['', 'format'],
    ['00119012345', 'format'],
    ['0011901234567', 'format'],
    ['00119012345a', 'format'],
    ['001 190 123456', 'format'],
  ])('rejects %p for its shape', (value, problem) => {
    expect(checkCccd(value)).toEqual({ valid: false, problems: [problem] });
  });

  it('rejects non-strings', () => {
    expect(checkCccd(1190123456).problems).toEqual(['format']);
    expect(checkCccd(undefined).problems).toEqual(['format']);
  });

  it('rejects a birthplace code that is not on the list', () => {
    expect(checkCccd('003190123456').problems).toEqual(['birthplace']);
    expect(checkCccd('099190123456').problems).toEqual(['birthplace']);
  });

  it('rejects a birth year in the future', () => {
    expect(checkCccd('001299123456', { currentYear: 2026 }).problems).toEqual(['futureYear']);
    expect(checkCccd('001426123456', { currentYear: 2026 }).problems).toEqual(['futureYear']);
  });

  it('checks the year against a given birth date or year', () => {
    expect(checkCccd('001190123456', { birthDate: '1990-07-01' }).valid).toBe(true);
    expect(checkCccd('001190123456', { birthDate: 1990 }).valid).toBe(true);
    expect(checkCccd('001190123456', { birthDate: '1991-07-01' }).problems).toEqual(['birthYear']);
    // Same two digits, wrong century: 1905 is not 2005.
    expect(checkCccd('001305123456', { birthDate: '1905-01-01' }).problems).toEqual(['birthYear']);
  });

  it('checks the sex digit against a declared sex', () => {
    expect(checkCccd('001090123456', { sex: 'nam' }).valid).toBe(true);
    expect(checkCccd('001090123456', { sex: 'nu' }).problems).toEqual(['sex']);
    expect(checkCccd('001305123456', { sex: 'nu' }).valid).toBe(true);
  });

  it('dates "today" in Vietnam (UTC+7), whatever the runtime time zone', () => {
    expect(todayInVietnam(new Date('2025-12-31T17:30:00Z'))).toBe('2026-01-01');
    expect(todayInVietnam(new Date('2025-12-31T16:59:00Z'))).toBe('2025-12-31');
  });
});
