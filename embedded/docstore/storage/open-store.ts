// Opens the store at dbpath. (In-memory until the journal lands.)
import { Store } from './store';

export async function openStore(_dbpath: string): Promise<Store> {
  return new Store();
}
