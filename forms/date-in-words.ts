// "Ngày, tháng, năm sinh ghi bằng chữ" as civil-status papers write it: 2025-09-02 →
// "Ngày hai tháng chín năm hai nghìn không trăm hai mươi lăm".
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** 0–99 read on its own ("mười lăm", "hai mươi mốt", "hai mươi tư"). */
function tens(n: number): string {
  const [t, u] = [Math.floor(n / 10), n % 10];
  if (t === 0) return DIGITS[u]!;
  const head = t === 1 ? 'mười' : `${DIGITS[t]} mươi`;
  if (u === 0) return head;
  if (u === 5) return `${head} lăm`;
  if (u === 1 && t > 1) return `${head} mốt`;
  if (u === 4 && t > 1) return `${head} tư`;
  return `${head} ${DIGITS[u]}`;
}

/** 0–999 inside a larger number: "không trăm linh năm", "chín trăm chín mươi". */
function hundreds(n: number): string {
  const [h, rest] = [Math.floor(n / 100), n % 100];
  if (rest === 0) return `${DIGITS[h]} trăm`;
  if (rest < 10) return `${DIGITS[h]} trăm linh ${DIGITS[rest]}`;
  return `${DIGITS[h]} trăm ${tens(rest)}`;
}

export function yearInWords(year: number): string {
  const [thousands, rest] = [Math.floor(year / 1000), year % 1000];
  const head = `${DIGITS[thousands]} nghìn`;
  return rest === 0 ? head : `${head} ${hundreds(rest)}`;
}

/** ISO date → words; undefined when the text is not an ISO date. */
export function dateInWords(isoDate: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const monthWord = month === 4 ? 'tư' : tens(month);
  return `Ngày ${tens(day)} tháng ${monthWord} năm ${yearInWords(year)}`;
}
