// Connects mongoose to the store (MongoDB or the embedded docstore) and creates the indexes every model declares:
// what the API and a worker process both need, without the API's routes.
import mongoose from 'mongoose';
import { syncModelIndexes } from './sync-indexes';

export async function connectStore(uri: string): Promise<void> {
  await mongoose.connect(uri, { serverSelectionTimeoutMS: 5000, autoIndex: false });
  await syncModelIndexes();
}
