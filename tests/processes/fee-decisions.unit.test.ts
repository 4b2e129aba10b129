// The catalogue's fee decision tables (processes/<procedure>/*.dmn) decide what their legal basis says: each
// committed table parses as the engine parses it and answers the cases of the law.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluateDecision } from '../../embedded/zeebe/dmn/evaluate';
import { parseDmn } from '../../embedded/zeebe/dmn/parse';
import { BIRTH_REGISTRATION_FEE_DECISION } from '../../processes/model-kit/procedure-decisions';
import { processesDir } from './model-files';

const birthDmn = readFileSync(path.join(processesDir, 'dang-ky-khai-sinh', 'dang-ky-khai-sinh.dmn'), 'utf8');

async function birthFee(variables: Record<string, unknown>) {
  const evaluation = evaluateDecision(await parseDmn(birthDmn), BIRTH_REGISTRATION_FEE_DECISION, variables);
  expect(evaluation.failureMessage).toBeUndefined();
  return evaluation.output as { exempt: boolean | null; basis: string };
}

describe('birth registration fee (Luật Hộ tịch 2014, Điều 11 khoản 1)', () => {
  test.each([
    ['on the 60th day', '2025-07-01', '2025-08-30', true, 'điểm b'],
    ['the day of birth', '2025-07-01', '2025-07-01', true, 'điểm b'],
    ['on the 61st day', '2025-07-01', '2025-08-31', false, 'quá hạn'],
  ])('registered %s: exempt %p', async (_when, childBirthDate, receivedOn, exempt, basis) => {
    const result = await birthFee({ childBirthDate, receivedOn });
    expect(result.exempt).toBe(exempt);
    expect(result.basis).toContain(basis);
  });

  test.each(['gia-dinh-co-cong', 'ho-ngheo', 'nguoi-khuyet-tat'])(
    'late but of an exempt category (%s): exempt by điểm a',
    async (applicantCategory) => {
      const result = await birthFee({
        applicantCategory,
        childBirthDate: '2020-01-01',
        receivedOn: '2025-09-01',
      });
      expect(result).toEqual({ exempt: true, basis: 'Luật Hộ tịch 2014, Điều 11 khoản 1 điểm a' });
    },
  );

  test('another category, late: the province fee applies', async () => {
    const result = await birthFee({
      applicantCategory: 'khac',
      childBirthDate: '2020-01-01',
      receivedOn: '2025-09-01',
    });
    expect(result.exempt).toBe(false);
  });

  test('dates unknown: no decision (null), the procedure version fees apply', async () => {
    expect((await birthFee({})).exempt).toBeNull();
    expect((await birthFee({ receivedOn: '2025-09-01' })).exempt).toBeNull();
  });
});
