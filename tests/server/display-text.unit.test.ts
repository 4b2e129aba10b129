// The rules every name and free text of the API follows (x-display-text): NFC-normalised as validated, no control
// or text-direction characters, no stacked marks, something visible; names also a letter and one line.
import { dossierRoutes } from '../../server/api-schemas/dossiers';
import { displayTextProblem } from '../../server/api-schemas/display-text';
import { renderError } from '../../server/errors/error-handler';
import { badRequest } from '../../server/errors/api-error';
import { compileBody, fieldErrors } from '../../server/api-schemas/request-validation';

const submit = compileBody(dossierRoutes.submit.body);
const supplement = compileBody(dossierRoutes.supplement.body);

const filing = (name: string) => ({
  procedureCode: '1.001193',
  channel: 'counter',
  applicant: { name, idNumber: '001099012345' },
  declaration: { data: {} },
});

function fieldsOf(validate: typeof submit, body: unknown) {
  expect(validate(body)).toBe(false);
  return renderError(badRequest(fieldErrors(validate.errors)), 'vi').error.fields;
}

const composed = 'Nguyễn Thị Hồng';
const decomposed = composed.normalize('NFD');

describe('names', () => {
  it.each([
    ['NUL', 'Nguyễn\u0000An', 'Không được chứa ký tự điều khiển hoặc ký tự ẩn'],
    ['a line break', 'Nguyễn\nAn', 'Không được chứa ký tự điều khiển hoặc ký tự ẩn'],
    [
      'a right-to-left override',
      'Nguyễn \u202Egnaht',
      'Không được chứa ký tự đổi chiều văn bản (như U+202E)',
    ],
    ['a direction isolate', '\u2067An\u2069', 'Không được chứa ký tự đổi chiều văn bản (như U+202E)'],
    [
      'zero-width characters only',
      '\u200B\u200C\u200D\uFEFF',
      'Không được chứa ký tự điều khiển hoặc ký tự ẩn',
    ],
    ['a zero-width space inside', 'Ngu\u200Byễn', 'Không được chứa ký tự điều khiển hoặc ký tự ẩn'],
    ['whitespace only', ' \u00A0\u3000 ', 'Phải có ít nhất một chữ cái'],
    ['digits and signs only', '123 - 456', 'Phải có ít nhất một chữ cái'],
    ['150 stacked combining marks', `A${'\u0301'.repeat(150)}n`, 'Có quá nhiều dấu chồng lên một chữ'],
  ])('refuses %s, naming the field', (_what, name, message) => {
    expect(fieldsOf(submit, filing(name))).toEqual([{ path: 'applicant.name', message }]);
  });

  it('accepts Vietnamese and other scripts, and stores the composed (NFC) form of a decomposed name', () => {
    for (const name of [composed, 'Đặng Văn Ơn', "H'Hen Niê", 'Lò Thị Ý', 'Ksor Y Phun', '王小明', 'محمد']) {
      expect(submit(filing(name))).toBe(true);
    }
    const body = filing(decomposed);
    expect(decomposed).not.toBe(composed);
    expect(submit(body)).toBe(true);
    expect(body.applicant.name).toBe(composed);
  });

  it('counts the length of the composed form', () => {
    const long = 'Nguyễn Thị Hồng Nhung '.repeat(9).trim();
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long.normalize('NFD').length).toBeGreaterThan(200);
    const body = filing(long.normalize('NFD'));
    expect(submit(body)).toBe(true);
    expect(body.applicant.name).toBe(long);
  });

  it('normalises names inside arrays as well', () => {
    const body = { documents: [{ component: 'to-khai', name: 'Tờ khai'.normalize('NFD') }] };
    expect(supplement(body)).toBe(true);
    expect(body.documents[0]!.name).toBe('Tờ khai');
    expect(fieldsOf(supplement, { documents: [{ component: 'to-khai', name: '\u202E' }] })).toEqual([
      { path: 'documents[0].name', message: 'Không được chứa ký tự đổi chiều văn bản (như U+202E)' },
    ]);
  });
});

describe('free texts', () => {
  it('keep line breaks and tabs, refuse other controls and show something', () => {
    expect(displayTextProblem('text', 'Thiếu bản chính.\n\tBổ sung giấy chứng sinh.')).toBeUndefined();
    expect(displayTextProblem('text', 'Lý do: 42 ✓')).toBeUndefined();
    expect(displayTextProblem('text', 'a\u0007b')).toBe('control');
    expect(displayTextProblem('text', 'ok \u202D')).toBe('bidi');
    expect(displayTextProblem('text', ' \n\t\u200B ')).toBe('visible');
    expect(fieldsOf(supplement, { documents: [{ component: 'to-khai' }], note: 'Bổ sung\u0000' })).toEqual([
      { path: 'note', message: 'Không được chứa ký tự điều khiển hoặc ký tự ẩn' },
    ]);
  });

  it('leave the empty string to minLength', () => {
    expect(displayTextProblem('name', '')).toBeUndefined();
  });
});
