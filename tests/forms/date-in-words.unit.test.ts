import { dateInWords, yearInWords } from '../../forms/date-in-words';

describe('dateInWords', () => {
  it.each([
    ['2025-09-02', 'Ngày hai tháng chín năm hai nghìn không trăm hai mươi lăm'],
    ['2001-04-15', 'Ngày mười lăm tháng tư năm hai nghìn không trăm linh một'],
    ['1990-12-21', 'Ngày hai mươi mốt tháng mười hai năm một nghìn chín trăm chín mươi'],
    ['2010-11-24', 'Ngày hai mươi tư tháng mười một năm hai nghìn không trăm mười'],
    ['2000-01-10', 'Ngày mười tháng một năm hai nghìn'],
    ['1905-05-31', 'Ngày ba mươi mốt tháng năm năm một nghìn chín trăm linh năm'],
  ])('%s → %s', (iso, words) => {
    expect(dateInWords(iso)).toBe(words);
  });

  it('reads years with hundreds and tens', () => {
    expect(yearInWords(2100)).toBe('hai nghìn một trăm');
    expect(yearInWords(1975)).toBe('một nghìn chín trăm bảy mươi lăm');
  });

  it('refuses text that is not an ISO date', () => {
    expect(dateInWords('02/09/2025')).toBeUndefined();
  });
});
