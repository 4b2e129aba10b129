// Every database the server holds, each with its own journal under dbpath.
import { ObjectId } from 'bson';
import { Database, validateDatabaseName } from './database';

export interface StoreBackend {
  /** Attaches durable storage to a database newly created by a client. */
  attach(db: Database): Promise<void>;
  /** Removes a dropped database's files. */
  destroy(name: string): Promise<void>;
  close(): Promise<void>;
}

export class Store {
  readonly databases = new Map<string, Database>();
  readonly processId = new ObjectId();
  connectionCount = 0;
  private readonly attaching = new Map<string, Promise<void>>();

  constructor(private readonly backend?: StoreBackend) {}

  database(name: string): Database | undefined {
    return this.databases.get(name);
  }

  /** Resolves once the database's journal is attached, so no write can slip past it. */
  async ensureDatabase(name: string): Promise<Database> {
    let db = this.databases.get(name);
    if (!db) {
      validateDatabaseName(name);
      db = new Database(name);
      this.databases.set(name, db);
      this.attaching.set(name, this.backend ? this.backend.attach(db) : Promise.resolve());
    }
    await this.attaching.get(name);
    return db;
  }

  async dropDatabase(name: string): Promise<boolean> {
    const db = this.databases.get(name);
    if (!db) return false;
    this.databases.delete(name);
    this.attaching.delete(name);
    await this.backend?.destroy(name);
    return true;
  }

  async close(): Promise<void> {
    await this.backend?.close();
  }
}
