// Error wording, per keyword, naming the field. Vietnamese is the language of record; English for the en UI.
import type { ErrorObject } from 'ajv';
import type { Lang } from '../types';

type Params = Record<string, unknown>;
type Wording = (field: string, params: Params) => string;

const REF_LIST = {
  vi: { provinces: 'tỉnh, thành phố', ethnicGroups: 'dân tộc', nationalities: 'quốc tịch' },
  en: { provinces: 'provinces and cities', ethnicGroups: 'ethnic groups', nationalities: 'nationalities' },
} as const;

const FORMAT = {
  vi: {
    date: 'phải là ngày hợp lệ (ngày/tháng/năm)',
    email: 'phải là địa chỉ thư điện tử hợp lệ',
    time: 'phải là giờ hợp lệ',
    other: 'không đúng định dạng',
  },
  en: {
    date: 'must be a valid date (dd/MM/yyyy)',
    email: 'must be a valid e-mail address',
    time: 'must be a valid time',
    other: 'has the wrong format',
  },
} as const;

const CCCD = {
  vi: {
    format: 'phải gồm đúng 12 chữ số',
    birthplace: 'có mã tỉnh nơi đăng ký khai sinh (3 chữ số đầu) không có trong danh mục',
    futureYear: 'có năm sinh (chữ số thứ 4–6) ở tương lai',
    birthYear: 'không khớp với năm sinh đã khai (chữ số thứ 4–6)',
    sex: 'không khớp với giới tính đã khai (chữ số thứ 4)',
  },
  en: {
    format: 'must be exactly 12 digits',
    birthplace: 'has a birth-registration province code (first 3 digits) that is not on the official list',
    futureYear: 'encodes a birth year in the future (digits 4–6)',
    birthYear: 'does not match the declared birth year (digits 4–6)',
    sex: 'does not match the declared sex (digit 4)',
  },
} as const;

const vi: Record<string, Wording> = {
  required: (f) => `${f} là thông tin bắt buộc.`,
  type: (f) => `${f} không đúng kiểu dữ liệu.`,
  minLength: (f, p) =>
    p.limit === 1 ? `${f} là thông tin bắt buộc.` : `${f} phải có ít nhất ${p.limit} ký tự.`,
  maxLength: (f, p) => `${f} không được dài quá ${p.limit} ký tự.`,
  pattern: (f, p) => `${f} không đúng định dạng${p.hint ? `: ${p.hint}` : ''}.`,
  format: (f, p) => `${f} ${FORMAT.vi[p.format as keyof typeof FORMAT.vi] ?? FORMAT.vi.other}.`,
  minimum: (f, p) => `${f} phải lớn hơn hoặc bằng ${p.limit}.`,
  maximum: (f, p) => `${f} phải nhỏ hơn hoặc bằng ${p.limit}.`,
  exclusiveMinimum: (f, p) => `${f} phải lớn hơn ${p.limit}.`,
  exclusiveMaximum: (f, p) => `${f} phải nhỏ hơn ${p.limit}.`,
  multipleOf: (f, p) => `${f} phải là bội số của ${p.multipleOf}.`,
  enum: (f) => `${f} không thuộc danh sách cho phép.`,
  oneOf: (f) => `${f} không thuộc danh sách cho phép.`,
  const: (f, p) =>
    p.allowedValue === true ? `${f} phải được đánh dấu xác nhận.` : `${f} không đúng giá trị yêu cầu.`,
  minItems: (f, p) => `${f} phải có ít nhất ${p.limit} mục.`,
  maxItems: (f, p) => `${f} không được quá ${p.limit} mục.`,
  additionalProperties: (f, p) => `${f}: trường “${p.additionalProperty}” không thuộc tờ khai.`,
  refData: (f, p) =>
    `${f} không có trong danh mục ${REF_LIST.vi[p.schema as keyof typeof REF_LIST.vi] ?? ''}.`,
  adminUnit: (f) => `${f} không thuộc tỉnh, thành phố đã chọn.`,
  notFuture: (f) => `${f} không được sau ngày hôm nay.`,
  minAge: (f, p) => `${f}: người này chưa đủ ${p.schema} tuổi.`,
  maxAge: (f, p) => `${f}: người này đã đủ ${Number(p.schema) + 1} tuổi trở lên.`,
  cccd: (f, p) => `${f} ${CCCD.vi[p.problem as keyof typeof CCCD.vi] ?? CCCD.vi.format}.`,
};

const en: Record<string, Wording> = {
  required: (f) => `${f} is required.`,
  type: (f) => `${f} has the wrong type.`,
  minLength: (f, p) =>
    p.limit === 1 ? `${f} is required.` : `${f} must have at least ${p.limit} characters.`,
  maxLength: (f, p) => `${f} must not exceed ${p.limit} characters.`,
  pattern: (f) => `${f} has the wrong format.`,
  format: (f, p) => `${f} ${FORMAT.en[p.format as keyof typeof FORMAT.en] ?? FORMAT.en.other}.`,
  minimum: (f, p) => `${f} must be at least ${p.limit}.`,
  maximum: (f, p) => `${f} must be at most ${p.limit}.`,
  exclusiveMinimum: (f, p) => `${f} must be greater than ${p.limit}.`,
  exclusiveMaximum: (f, p) => `${f} must be less than ${p.limit}.`,
  multipleOf: (f, p) => `${f} must be a multiple of ${p.multipleOf}.`,
  enum: (f) => `${f} is not one of the allowed values.`,
  oneOf: (f) => `${f} is not one of the allowed values.`,
  const: (f, p) =>
    p.allowedValue === true ? `${f} must be ticked.` : `${f} does not have the required value.`,
  minItems: (f, p) => `${f} must have at least ${p.limit} items.`,
  maxItems: (f, p) => `${f} must have at most ${p.limit} items.`,
  additionalProperties: (f, p) => `${f}: “${p.additionalProperty}” is not a field of this form.`,
  refData: (f, p) =>
    `${f} is not in the list of ${REF_LIST.en[p.schema as keyof typeof REF_LIST.en] ?? 'allowed values'}.`,
  adminUnit: (f) => `${f} is not in the selected province or city.`,
  notFuture: (f) => `${f} must not be later than today.`,
  minAge: (f, p) => `${f}: the person is not yet ${p.schema} years old.`,
  maxAge: (f, p) => `${f}: the person is already ${Number(p.schema) + 1} or older.`,
  cccd: (f, p) => `${f} ${CCCD.en[p.problem as keyof typeof CCCD.en] ?? CCCD.en.format}.`,
};

export function wordError(
  lang: Lang,
  error: Pick<ErrorObject, 'keyword' | 'params' | 'parentSchema'>,
  field: string,
): string {
  const table = lang === 'en' ? en : vi;
  const wording = table[error.keyword];
  // A pattern's reason is the schema's description ("chỉ gồm chữ cái…"), written in Vietnamese.
  const hint =
    typeof error.parentSchema?.description === 'string' ? error.parentSchema.description : undefined;
  if (wording) return wording(field, { ...(error.params as Params), hint });
  return lang === 'en' ? `${field} is invalid.` : `${field} không hợp lệ.`;
}
