// Counts of every collection the API writes, to prove a refused request wrote nothing.
import { allModels } from '../../../server/models/sync-indexes';

export async function storeCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const model of allModels) counts[model.modelName] = await model.collection.countDocuments({});
  return counts;
}
