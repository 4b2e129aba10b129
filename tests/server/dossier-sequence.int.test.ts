// The per-agency, per-day counter behind dossier codes, against the real store: atomic under concurrency,
// separate per agency and day, and refusing a 10,000th dossier of a day.
import { ApiError } from '../../server/errors/api-error';
import { nextDossierSequence } from '../../server/domain/dossier-sequence';
import { DossierCounterModel } from '../../server/models/DossierCounter';
import { startTestSystem, type TestSystem } from './support/test-system';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system.close());

it('hands out 1..n exactly once to n concurrent callers, starting each agency and day at 1', async () => {
  const sequences = await Promise.all(
    Array.from({ length: 50 }, () => nextDossierSequence('001.00.33.H26', '250701')),
  );
  expect([...sequences].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  expect(await nextDossierSequence('001.00.33.H26', '250702')).toBe(1);
  expect(await nextDossierSequence('001.00.34.H26', '250701')).toBe(1);
  expect(await DossierCounterModel.findById('001.00.33.H26|250701').lean()).toEqual({
    _id: '001.00.33.H26|250701',
    seq: 50,
  });
});

it('refuses the 10,000th dossier of a day with a clear conflict', async () => {
  await DossierCounterModel.create({ _id: '001.00.35.H26|250701', seq: 9998 });
  expect(await nextDossierSequence('001.00.35.H26', '250701')).toBe(9999);
  const error = await nextDossierSequence('001.00.35.H26', '250701').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).status).toBe(409);
  expect((error as ApiError).code).toBe('dossier_sequence_exhausted');
});
