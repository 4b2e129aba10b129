// Catalogue of every message a client may read, Vietnamese first, English for `Accept-Language: en`.
export type Lang = 'vi' | 'en';

const things = {
  resource: { vi: 'tài nguyên', en: 'resource' },
  route: { vi: 'đường dẫn', en: 'route' },
  dossier: { vi: 'hồ sơ', en: 'dossier' },
  procedure: { vi: 'thủ tục hành chính', en: 'administrative procedure' },
  procedureVersion: { vi: 'phiên bản thủ tục', en: 'procedure version' },
  agency: { vi: 'cơ quan', en: 'agency' },
  user: { vi: 'người dùng', en: 'user' },
  task: { vi: 'nhiệm vụ', en: 'task' },
} as const;

export type Thing = keyof typeof things;
export type MessageParams = { what?: Thing } & Record<string, string | number | undefined>;

type Template = (p: MessageParams, lang: Lang) => string;
const t = (vi: Template | string, en: Template | string) => ({ vi, en });
const what = (p: MessageParams, lang: Lang) => things[p.what ?? 'resource'][lang];

const catalogue = {
  validation_failed: t('Dữ liệu gửi lên không hợp lệ', 'The request data is not valid'),
  malformed_json: t('Nội dung gửi lên không phải JSON hợp lệ', 'The request body is not valid JSON'),
  malformed_encoding: t(
    'Nội dung gửi lên không giải nén được theo Content-Encoding đã khai',
    'The request body cannot be decoded as its Content-Encoding says',
  ),
  unsupported_media_type: t(
    'Nội dung phải có Content-Type: application/json',
    'The request body must be sent as Content-Type: application/json',
  ),
  payload_too_large: t(
    (p) => `Nội dung gửi lên vượt quá giới hạn ${p.limit}`,
    (p) => `The request body exceeds the limit of ${p.limit}`,
  ),
  unauthenticated: t('Bạn cần đăng nhập', 'You need to sign in'),
  forbidden: t('Bạn không có quyền thực hiện thao tác này', 'You are not allowed to do this'),
  csrf_invalid: t(
    'Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token); hãy tải lại trang',
    'Missing or wrong anti-forgery token (X-CSRF-Token); reload the page',
  ),
  login_failed: t('Tên đăng nhập hoặc mật khẩu không đúng', 'Wrong username or password'),
  user_disabled: t('Tài khoản đã bị khóa', 'This account is disabled'),
  last_active_admin: t(
    'Không thể bỏ quyền quản trị hoặc khóa quản trị viên cuối cùng đang hoạt động; hãy cấp quyền quản trị cho người khác trước',
    'The last active administrator cannot lose the admin role or be disabled; make someone else an administrator first',
  ),
  too_many_requests: t(
    (p) =>
      p.retryAfterSeconds === undefined
        ? 'Quá nhiều yêu cầu; hãy thử lại sau ít phút'
        : `Quá nhiều lần đăng nhập sai; hãy thử lại sau ${p.retryAfterSeconds} giây`,
    (p) =>
      p.retryAfterSeconds === undefined
        ? 'Too many requests; try again in a few minutes'
        : `Too many failed sign-ins; try again in ${p.retryAfterSeconds} seconds`,
  ),
  not_found: t(
    (p, l) => `Không tìm thấy ${what(p, l)}`,
    (p, l) => `The ${what(p, l)} was not found`,
  ),
  internal: t('Lỗi hệ thống; vui lòng thử lại sau', 'Internal error; please try again later'),
  response_schema_mismatch: t(
    (p) => `Lỗi hệ thống: câu trả lời của thao tác ${p.operation} không đúng mẫu đã công bố`,
    (p) => `Internal error: the answer of ${p.operation} does not match its published schema`,
  ),
  task_not_open: t(
    (p) => `Nhiệm vụ này đã ${p.state === 'completed' ? 'được hoàn thành' : 'bị hủy'}; hãy tải lại hộp việc`,
    (p) => `This task is already ${p.state === 'completed' ? 'completed' : 'cancelled'}; reload the inbox`,
  ),
  task_gone: t(
    'Nhiệm vụ không còn trong quy trình (hồ sơ đã chuyển bước hoặc bị hủy); không có gì thay đổi',
    'The task no longer exists in the process (the dossier moved on or was cancelled); nothing changed',
  ),
  task_claimed_by_other: t(
    (p) => `Nhiệm vụ đang do ${p.assignee} xử lý`,
    (p) => `The task is claimed by ${p.assignee}`,
  ),
  withdrawal_not_open: t(
    'Hồ sơ đã kết thúc xử lý, không thể rút',
    'The dossier is no longer in processing and cannot be withdrawn',
  ),
  rating_not_open: t(
    'Chỉ đánh giá được sau khi đã nhận kết quả',
    'A dossier can be rated once its result has been delivered',
  ),
  already_rated: t('Hồ sơ này đã được đánh giá', 'This dossier has already been rated'),
  supplement_not_requested: t(
    'Hồ sơ không ở trạng thái chờ bổ sung',
    'The dossier is not waiting for a supplement',
  ),
  store_unavailable: t('Không kết nối được cơ sở dữ liệu', 'The document store cannot be reached'),
  engine_unavailable: t(
    'Không kết nối được bộ máy quy trình (Zeebe)',
    'The workflow engine (Zeebe) cannot be reached',
  ),
  engine_rejected: t(
    (p) => `Bộ máy quy trình từ chối yêu cầu: ${p.detail}`,
    (p) => `The workflow engine rejected the request: ${p.detail}`,
  ),
  procedure_not_published: t(
    (p) => `Thủ tục ${p.code} chưa có phiên bản đang áp dụng`,
    (p) => `Procedure ${p.code} has no published version`,
  ),
  agency_not_implementing: t(
    (p) => `Cơ quan ${p.agency} không tiếp nhận thủ tục ${p.code}`,
    (p) => `Agency ${p.agency} does not receive procedure ${p.code}`,
  ),
  dossier_sequence_exhausted: t(
    (p) => `Cơ quan ${p.agency} đã dùng hết 9999 số hồ sơ trong ngày ${p.day}`,
    (p) => `Agency ${p.agency} has used all 9999 dossier numbers of ${p.day}`,
  ),
  idempotency_conflict: t(
    'Khóa chống gửi trùng (idempotencyKey) đã được dùng cho một hồ sơ khác',
    'This idempotencyKey was already used for a different dossier',
  ),
  duplicate: t(
    (p, l) => `${what(p, l)} "${p.key}" đã tồn tại`,
    (p, l) => `The ${what(p, l)} "${p.key}" already exists`,
  ),
  // Field messages (ajv keywords and domain checks).
  field_required: t('Bắt buộc phải nhập', 'Is required'),
  field_unknown: t('Trường không được phép', 'Is not an allowed field'),
  field_type: t(
    (p) => `Phải là ${typeName(String(p.type), 'vi')}`,
    (p) => `Must be ${typeName(String(p.type), 'en')}`,
  ),
  field_pattern: t('Không đúng định dạng', 'Has the wrong format'),
  field_format: t(
    (p) => formatText(String(p.format), 'vi'),
    (p) => formatText(String(p.format), 'en'),
  ),
  field_min_length: t(
    (p) => `Phải có ít nhất ${p.limit} ký tự`,
    (p) => `Must be at least ${p.limit} characters long`,
  ),
  field_max_length: t(
    (p) => `Không được dài quá ${p.limit} ký tự`,
    (p) => `Must be at most ${p.limit} characters long`,
  ),
  field_minimum: t(
    (p) => `Phải lớn hơn hoặc bằng ${p.limit}`,
    (p) => `Must be at least ${p.limit}`,
  ),
  field_maximum: t(
    (p) => `Phải nhỏ hơn hoặc bằng ${p.limit}`,
    (p) => `Must be at most ${p.limit}`,
  ),
  field_enum: t(
    (p) => `Phải là một trong các giá trị: ${p.values}`,
    (p) => `Must be one of: ${p.values}`,
  ),
  field_min_items: t(
    (p) => `Phải có ít nhất ${p.limit} mục`,
    (p) => `Must have at least ${p.limit} items`,
  ),
  field_max_items: t(
    (p) => `Không được quá ${p.limit} mục`,
    (p) => `Must have at most ${p.limit} items`,
  ),
  field_unique_items: t('Không được có mục trùng nhau', 'Must not contain duplicate items'),
  field_invalid: t('Giá trị không hợp lệ', 'Is not valid'),
  field_text_control: t(
    'Không được chứa ký tự điều khiển hoặc ký tự ẩn',
    'Must not contain control or hidden characters',
  ),
  field_text_bidi: t(
    'Không được chứa ký tự đổi chiều văn bản (như U+202E)',
    'Must not contain text-direction characters (such as U+202E)',
  ),
  field_text_marks: t('Có quá nhiều dấu chồng lên một chữ', 'Has too many combining marks on one letter'),
  field_text_letter: t('Phải có ít nhất một chữ cái', 'Must contain at least one letter'),
  field_text_visible: t(
    'Phải có ít nhất một ký tự nhìn thấy được',
    'Must contain at least one visible character',
  ),
  field_period: t('Ngày bắt đầu phải trước ngày kết thúc', 'The start date must be before the end date'),
  field_unknown_agency: t('Không có cơ quan với mã này', 'No agency has this code'),
  field_unknown_procedure: t('Không có thủ tục với mã này', 'No procedure has this code'),
} satisfies Record<string, { vi: Template | string; en: Template | string }>;

export type MessageKey = keyof typeof catalogue;

function typeName(type: string, lang: Lang): string {
  const names: Record<string, [string, string]> = {
    string: ['chuỗi ký tự', 'a string'],
    number: ['số', 'a number'],
    integer: ['số nguyên', 'an integer'],
    boolean: ['true hoặc false', 'true or false'],
    object: ['đối tượng JSON', 'a JSON object'],
    array: ['danh sách', 'an array'],
  };
  const name = names[type.split(',')[0] ?? ''];
  return name ? name[lang === 'vi' ? 0 : 1] : type;
}

function formatText(format: string, lang: Lang): string {
  const formats: Record<string, [string, string]> = {
    cccd: [
      'Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số',
      'A personal ID (CCCD) number must be exactly 12 digits',
    ],
    email: ['Địa chỉ e-mail không hợp lệ', 'Is not a valid e-mail address'],
    'date-time': [
      'Phải là thời điểm ISO 8601, ví dụ 2025-07-01T08:00:00+07:00',
      'Must be an ISO 8601 instant',
    ],
    date: ['Phải là ngày dạng YYYY-MM-DD', 'Must be a date as YYYY-MM-DD'],
    'local-date': [
      'Phải là một ngày có thật, dạng YYYY-MM-DD (ví dụ 2026-02-28)',
      'Must be a real calendar day as YYYY-MM-DD (e.g. 2026-02-28)',
    ],
    'vn-phone': ['Số điện thoại không hợp lệ', 'Is not a valid phone number'],
    'procedure-code': [
      'Mã thủ tục phải có dạng d.dddddd, ví dụ 1.001193',
      'A procedure code looks like 1.001193',
    ],
    'dossier-code': [
      'Mã hồ sơ không đúng định dạng quốc gia',
      'Is not a dossier code in the national format',
    ],
  };
  const text = formats[format];
  return text
    ? text[lang === 'vi' ? 0 : 1]
    : lang === 'vi'
      ? `Không đúng định dạng ${format}`
      : `Is not a valid ${format}`;
}

export function translate(key: MessageKey, params: MessageParams, lang: Lang): string {
  const template = catalogue[key][lang];
  return typeof template === 'string' ? template : template(params, lang);
}

/** Vietnamese unless the caller's first preferred language is English. */
export function languageOf(acceptLanguage: string | undefined): Lang {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}
