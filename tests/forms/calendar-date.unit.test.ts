// The forms' `date` format is the working calendar's calendar-date check (isLocalDate), the same the API's
// local-date format uses, at run time and in the precompiled validators the browser runs.
import { getForm } from '../../forms/registry';
import { displayToIsoDate } from '../../forms/renderers/formats';
import { createMotcuaAjv, precompiledValidator, validateDeclaration } from '../../forms/validation';
import { formats } from '../../forms/validation/keyword-runtime';
import { isLocalDate } from '../../processes/calendar';
import { validBirthDeclaration } from './fixtures';

const form = getForm('to-khai-khai-sinh')!;

function withBirthDate(birthDate: string) {
  const data = validBirthDeclaration();
  (data.child as Record<string, unknown>).birthDate = birthDate;
  return data;
}

describe("a declaration's dates", () => {
  it('are checked by the one calendar-date check', () => {
    expect(formats.date.validate).toBe(isLocalDate);
    expect(createMotcuaAjv().formats.date).toBe(formats.date);
  });

  it.each(['2025-02-29', '2025-02-31', '2025-13-01', '2025-04-31'])(
    '%s is refused once, as a format error on the field, at run time and precompiled',
    (birthDate) => {
      const result = validateDeclaration(form, withBirthDate(birthDate));
      expect(result.errors.map((e) => e.path)).toEqual(['/child/birthDate']);
      const runtime = createMotcuaAjv().compile(form.schema);
      const precompiled = precompiledValidator(form.schema)!;
      for (const validate of [runtime, precompiled]) {
        expect(validate(withBirthDate(birthDate))).toBe(false);
        expect(validate.errors!.map((e) => [e.instancePath, e.keyword])).toEqual([
          ['/child/birthDate', 'format'],
        ]);
      }
    },
  );

  it('a real 29 February passes', () => {
    expect(validateDeclaration(form, withBirthDate('2024-02-29')).valid).toBe(true);
  });

  it('typed as dd/MM/yyyy become ISO only when the day exists', () => {
    expect(displayToIsoDate('29/02/2024')).toBe('2024-02-29');
    expect(displayToIsoDate('29/02/2025')).toBe('29/02/2025');
    expect(displayToIsoDate('1/3/0099')).toBe('0099-03-01');
  });
});
