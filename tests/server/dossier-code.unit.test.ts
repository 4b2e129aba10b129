// Dossier code in the national format: pure formatting, the receipt day in Asia/Ho_Chi_Minh, parsing, bounds.
import { formatDossierCode, parseDossierCode, receiptDay } from '../../server/domain/dossier-code';

describe('dossier code', () => {
  it('formats agency code, receipt day and a 4-digit sequence as in the Bình Phước example', () => {
    expect(formatDossierCode('000.00.64.H10', '230515', 11)).toBe('000.00.64.H10-230515-0011');
  });

  it('takes the receipt day in Asia/Ho_Chi_Minh, not UTC', () => {
    // 30 June 2025 17:30 UTC is 1 July 2025 00:30 in Hà Nội.
    expect(receiptDay(new Date('2025-06-30T17:30:00Z'))).toBe('250701');
    expect(receiptDay(new Date('2025-06-30T16:59:59Z'))).toBe('250630');
    expect(receiptDay(new Date('2025-12-31T17:00:00Z'))).toBe('260101');
  });

  it('parses what it formats', () => {
    expect(parseDossierCode('001.00.31.H26-250701-0042')).toEqual({
      agencyCode: '001.00.31.H26',
      day: '250701',
      sequence: 42,
    });
    expect(parseDossierCode('001.00.31.H26-250701-42')).toBeNull();
    expect(parseDossierCode('H26-250701-0042')).toBeNull();
  });

  it('refuses sequences outside 1..9999 and malformed agency codes', () => {
    expect(() => formatDossierCode('001.00.31.H26', '250701', 0)).toThrow(RangeError);
    expect(() => formatDossierCode('001.00.31.H26', '250701', 10000)).toThrow(RangeError);
    expect(() => formatDossierCode('H26', '250701', 1)).toThrow(RangeError);
    expect(formatDossierCode('001.00.31.H26', '250701', 9999)).toBe('001.00.31.H26-250701-9999');
  });
});
