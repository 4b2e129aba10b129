// Next sequence number of the day for an agency's dossier codes: one atomic `$inc` upsert on a single
// document per agency and day, so concurrent intakes never share a number.
import { ApiError } from '../errors/api-error';
import { DossierCounterModel } from '../models/DossierCounter';
import { maxDailySequence } from './dossier-code';

const isDuplicateKey = (error: unknown) => (error as { code?: number }).code === 11000;

export async function nextDossierSequence(agencyCode: string, day: string): Promise<number> {
  const _id = `${agencyCode}|${day}`;
  // Two first-of-the-day upserts may race on the insert; the loser's retry then finds the document.
  for (let attempt = 1; ; attempt++) {
    try {
      const counter = await DossierCounterModel.findOneAndUpdate(
        { _id },
        { $inc: { seq: 1 } },
        { upsert: true, returnDocument: 'after', lean: true },
      );
      const seq = counter!.seq;
      if (seq > maxDailySequence)
        throw new ApiError(409, 'dossier_sequence_exhausted', { agency: agencyCode, day });
      return seq;
    } catch (error) {
      if (!isDuplicateKey(error) || attempt >= 3) throw error;
    }
  }
}
