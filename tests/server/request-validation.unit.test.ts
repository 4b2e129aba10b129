// Turning ajv's errors into field errors: dotted paths, one message per field and keyword, Vietnamese first.
import { dossierRoutes } from '../../server/api-schemas/dossiers';
import { renderError } from '../../server/errors/error-handler';
import { badRequest } from '../../server/errors/api-error';
import { languageOf } from '../../server/errors/messages';
import { compileBody, compileStrings, fieldErrors } from '../../server/api-schemas/request-validation';

const submit = compileBody(dossierRoutes.submit.body);
const listQuery = compileStrings(dossierRoutes.list.query);

function errorsOf(body: unknown, lang: 'vi' | 'en' = 'vi') {
  expect(submit(body)).toBe(false);
  return renderError(badRequest(fieldErrors(submit.errors)), lang).error.fields;
}

const valid = {
  procedureCode: '1.001193',
  channel: 'counter',
  applicant: { name: 'Nguyễn Văn An', idNumber: '001099012345' },
  declaration: { data: {} },
  documents: [{ component: 'to-khai' }],
};

describe('request validation', () => {
  it('accepts a valid submission', () => {
    expect(submit(valid)).toBe(true);
  });

  it('names nested and array fields with dotted paths', () => {
    expect(errorsOf({ ...valid, documents: [{ component: 'to-khai' }, { component: 7 }] })).toEqual([
      { path: 'documents[1].component', message: 'Phải là chuỗi ký tự' },
    ]);
  });

  it('reports every problem at once, missing and unknown fields by their own path', () => {
    const fields = errorsOf({
      channel: 'fax',
      applicant: { idNumber: '12', extra: true },
      declaration: { data: {} },
    });
    expect(fields.map((f) => f.path).sort()).toEqual(
      ['applicant.extra', 'applicant.idNumber', 'applicant.name', 'channel', 'procedureCode'].sort(),
    );
    expect(fields.find((f) => f.path === 'applicant.extra')!.message).toBe('Trường không được phép');
    expect(fields.find((f) => f.path === 'channel')!.message).toBe(
      'Phải là một trong các giá trị: counter, online, post',
    );
  });

  it('speaks English when asked', () => {
    expect(errorsOf({ ...valid, applicant: { name: 'A', idNumber: '1' } }, 'en')).toEqual([
      { path: 'applicant.idNumber', message: 'A personal ID (CCCD) number must be exactly 12 digits' },
    ]);
  });

  it('coerces query strings and applies the page defaults', () => {
    const query: Record<string, unknown> = { pageSize: '50', overdue: 'true' };
    expect(listQuery(query)).toBe(true);
    expect(query).toEqual({ page: 1, pageSize: 50, overdue: true });
    expect(listQuery({ pageSize: '500' })).toBe(false);
    expect(fieldErrors(listQuery.errors)).toEqual([
      { path: 'pageSize', key: 'field_maximum', params: { limit: 100 } },
    ]);
  });

  it('picks the language from Accept-Language, Vietnamese by default', () => {
    expect(languageOf(undefined)).toBe('vi');
    expect(languageOf('vi-VN,vi;q=0.9,en;q=0.8')).toBe('vi');
    expect(languageOf('en-US,en;q=0.9')).toBe('en');
    expect(languageOf('fr')).toBe('vi');
  });
});
