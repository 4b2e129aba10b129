// The fee table decides on what a real filing says: birth registrations filed through HTTP with the declaration's
// birth date and fee-exempt category reach dossier.fee with the table's decision, from the facts dossier.intake
// hands on (receivedOn, childBirthDate, applicantCategory) and nothing else.
import { dateInWords } from '../../forms/date-in-words';
import { addDays, toLocalDate } from '../../processes/calendar/local-date';
import { DossierModel } from '../../server/models/Dossier';
import { validBirthDeclaration } from '../forms/fixtures';
import { birthRegistrationFiling, signInAll } from './filings';
import { eventually, startLifecycleSystem, type LifecycleSystem } from './lifecycle-system';

let system: LifecycleSystem;

beforeAll(async () => {
  system = await startLifecycleSystem();
});
afterAll(async () => {
  await system.close();
});

function filing(birthDate: string, feeExemptCategory?: string) {
  const declaration = validBirthDeclaration() as { child: Record<string, unknown> };
  declaration.child.birthDate = birthDate;
  declaration.child.birthDateInWords = dateInWords(birthDate);
  const base = birthRegistrationFiling();
  return {
    ...base,
    declaration: { data: { ...declaration, ...(feeExemptCategory ? { feeExemptCategory } : {}) } },
  };
}

async function assessedFee(body: ReturnType<typeof filing>) {
  const as = await signInAll(system, ['tiepnhan.hoankiem']);
  const filed = await as['tiepnhan.hoankiem']!.post('/api/dossiers', body);
  expect(filed.status).toBe(201);
  const code = filed.body.dossier.code as string;
  const { note, processInstanceKey } = await eventually(`fee assessed on ${code}`, async () => {
    const dossier = await DossierModel.findOne({ code }).lean();
    const assessed = dossier?.timeline.find((e) => e.action === 'fee.assessed');
    return assessed && { note: assessed.note, processInstanceKey: dossier!.processInstanceKey! };
  });
  return { note, decided: await decidedFee(processInstanceKey) };
}

/** What the instance's business rule task decided (`feeDecision`), read from the engine's inspection view. */
async function decidedFee(processInstanceKey: string) {
  const instance = await system.inspect<{ variables: { variables: Record<string, unknown> }[] }>(
    `/process-instances/${processInstanceKey}`,
  );
  return instance.variables.find((scope) => 'feeDecision' in scope.variables)?.variables.feeDecision;
}

const today = () => toLocalDate(new Date());

test('a late registration of a poor household (Điều 11.1.a) is exempt on the category it declared', async () => {
  const { note } = await assessedFee(filing('2020-01-01', 'ho-ngheo'));
  expect(note).toBe('0 đồng (miễn lệ phí: Luật Hộ tịch 2014, Điều 11 khoản 1 điểm a)');
});

test('a registration within 60 days of the birth is exempt on Điều 11.1.b', async () => {
  const { note } = await assessedFee(filing(addDays(today(), -10), 'khong'));
  expect(note).toBe('0 đồng (miễn lệ phí: Luật Hộ tịch 2014, Điều 11 khoản 1 điểm b (khai sinh đúng hạn))');
});

test('a late registration of no exempt category is not exempt: the version fees are assessed', async () => {
  const { note, decided } = await assessedFee(filing('2020-01-01', 'khong'));
  expect(decided).toEqual({ exempt: false, basis: 'Khai sinh quá hạn: lệ phí theo nghị quyết HĐND tỉnh' });
  expect(note).not.toContain('miễn lệ phí');
  expect(note).toMatch(/^\d[\d.]* đồng \(/);
});
