// The facts dossier.intake gives the decision tables: the day of receipt in Vietnam, the declared birth date and
// category, each a contract variable; the birth registration form offers exactly the categories the table knows.
import { decisionFacts } from '../../engine-worker/jobs/dossier-intake-facts';
import { getForm } from '../../forms/registry';
import { validateDeclaration } from '../../forms/validation';
import { CIVIL_STATUS_EXEMPT_CATEGORIES } from '../../processes/model-kit/procedure-decisions';
import { validBirthDeclaration } from '../forms/fixtures';
import { readContract } from '../processes/contract';

const birthForm = getForm('to-khai-khai-sinh')!;

test('a received birth registration gives its receipt day (UTC+7), the birth date and the category', () => {
  const facts = decisionFacts({
    receivedAt: new Date('2025-09-01T18:30:00Z'), // 01:30 on 2 September in Vietnam
    declaration: { data: { ...validBirthDeclaration(), feeExemptCategory: 'ho-ngheo' } },
  });
  expect(facts).toEqual({
    receivedOn: '2025-09-02',
    childBirthDate: '2025-09-02',
    applicantCategory: 'ho-ngheo',
  });
});

test('nothing received and nothing declared: no facts, so the table decides nothing', () => {
  expect(decisionFacts({ declaration: { data: {} } })).toEqual({});
  expect(decisionFacts({ declaration: { data: { child: { birthDate: '2025-02-30' } } } })).toEqual({});
});

test('every fact is a process variable of the contract', () => {
  const { variables } = readContract();
  const names = Object.keys(
    decisionFacts({
      receivedAt: new Date(),
      declaration: { data: { ...validBirthDeclaration(), feeExemptCategory: 'khong' } },
    }),
  );
  expect(names.length).toBe(3);
  expect(names.filter((n) => !variables.has(n))).toEqual([]);
});

test('the form offers the exempt categories of the fee table, and "not exempt"', () => {
  const property = (birthForm.schema.properties as Record<string, { oneOf: { const: string }[] }>)
    .feeExemptCategory!;
  expect(property.oneOf.map((o) => o.const).sort()).toEqual(
    ['khong', ...CIVIL_STATUS_EXEMPT_CATEGORIES].sort(),
  );
  for (const category of property.oneOf.map((o) => o.const))
    expect(
      validateDeclaration(birthForm, { ...validBirthDeclaration(), feeExemptCategory: category }).valid,
    ).toBe(true);
  const wrong = validateDeclaration(
    birthForm,
    { ...validBirthDeclaration(), feeExemptCategory: 'giau' },
    { lang: 'vi' },
  );
  expect(wrong.errors.map((e) => e.path)).toEqual(['/feeExemptCategory']);
});
