import { displayToIsoDate, formatVnd, isoToDisplayDate, parseVnd } from '../../forms/renderers/formats';

describe('display formats', () => {
  it('shows ISO dates as dd/MM/yyyy and leaves other text as typed', () => {
    expect(isoToDisplayDate('2025-09-02')).toBe('02/09/2025');
    expect(isoToDisplayDate('31/02/2025')).toBe('31/02/2025');
    expect(isoToDisplayDate(undefined)).toBe('');
  });

  it('reads dd/MM/yyyy (and d/M/yyyy, dashes, dots) into ISO only for real calendar dates', () => {
    expect(displayToIsoDate('02/09/2025')).toBe('2025-09-02');
    expect(displayToIsoDate('2/9/2025')).toBe('2025-09-02');
    expect(displayToIsoDate('29.02.2024')).toBe('2024-02-29');
    expect(displayToIsoDate('29-02-2025')).toBe('29-02-2025');
    expect(displayToIsoDate('31/04/2025')).toBe('31/04/2025');
    expect(displayToIsoDate('  ')).toBeUndefined();
  });

  it('groups đồng with dots and reads any typed amount back', () => {
    expect(formatVnd(150_000_000)).toBe('150.000.000');
    expect(formatVnd(999)).toBe('999');
    expect(formatVnd(undefined)).toBe('');
    expect(parseVnd('1.500.000 đ')).toBe(1_500_000);
    expect(parseVnd('đ')).toBeUndefined();
  });
});
