// Conformance: authentication as mongod with --auth does it. The handshake is answered to anyone; every other
// command needs a connection that proved its password with SCRAM-SHA-256 (code 13 Unauthorized before, code
// 18 AuthenticationFailed for a wrong password); the target's connection string (authSource=admin) works with
// the driver and with mongoose.
import { Binary, MongoClient, MongoServerError } from 'mongodb';
import mongoose from 'mongoose';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startDocstore } from '../../../embedded/docstore';
import { startTarget, type Target } from './support/target';

let target: Target;
const opened: MongoClient[] = [];

beforeAll(async () => {
  target = await startTarget();
  await target.db.collection('dossiers').insertOne({ code: 'HK-001' });
});

afterAll(async () => {
  await Promise.all(opened.map((client) => client.close()));
  await target.close();
});

/** The target's connection string with other credentials (none when user is undefined). */
function withCredentials(user?: string, password?: string): string {
  const url = new URL(target.uri(target.dbName));
  url.username = user ? encodeURIComponent(user) : '';
  url.password = password ? encodeURIComponent(password) : '';
  if (!user) url.searchParams.delete('authSource');
  return url.toString();
}

const targetUser = () => decodeURIComponent(new URL(target.uri(target.dbName)).username);

async function connectWith(uri: string): Promise<MongoClient> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 2000, retryWrites: false });
  opened.push(client);
  return client.connect();
}

test('without credentials the handshake is answered and every other command refused with Unauthorized', async () => {
  const anonymous = await connectWith(withCredentials());
  const admin = anonymous.db('admin');
  expect(await admin.command({ hello: 1 })).toMatchObject({ isWritablePrimary: true, ok: 1 });
  expect(await admin.command({ ping: 1 })).toMatchObject({ ok: 1 });
  const db = anonymous.db(target.dbName);
  const refused = { code: 13, codeName: 'Unauthorized' };
  await expect(db.collection('dossiers').findOne({})).rejects.toMatchObject({
    ...refused,
    message: expect.stringContaining('requires authentication'),
  });
  await expect(db.collection('dossiers').insertOne({ code: 'x' })).rejects.toMatchObject(refused);
  await expect(db.collection('dossiers').deleteMany({})).rejects.toMatchObject(refused);
  await expect(db.collection('dossiers').countDocuments()).rejects.toMatchObject(refused);
  await expect(db.listCollections().toArray()).rejects.toMatchObject(refused);
  await expect(admin.admin().listDatabases()).rejects.toMatchObject(refused);
  await expect(db.dropDatabase()).rejects.toMatchObject(refused);
  // Nothing was written or dropped.
  expect(await target.db.collection('dossiers').countDocuments()).toBe(1);
});

test('a wrong password or an unknown user fails with AuthenticationFailed', async () => {
  for (const uri of [
    withCredentials(targetUser(), 'not-the-password'),
    withCredentials('nobody', 'not-the-password'),
  ]) {
    const error = await connectWith(uri).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MongoServerError);
    expect(error).toMatchObject({ code: 18, codeName: 'AuthenticationFailed' });
  }
});

test('the right credentials work through the driver and mongoose, as the authenticated user', async () => {
  const client = await connectWith(target.uri(target.dbName));
  expect(
    await client
      .db(target.dbName)
      .collection('dossiers')
      .findOne({}, { projection: { _id: 0 } }),
  ).toEqual({ code: 'HK-001' });
  const status = await client.db('admin').command({ connectionStatus: 1 });
  expect(status.authInfo.authenticatedUsers).toEqual([{ user: targetUser(), db: 'admin' }]);

  const connection = await mongoose.createConnection(target.uri(target.dbName)).asPromise();
  try {
    const Dossier = connection.model('Dossier', new mongoose.Schema({ code: String }), 'dossiers');
    await Dossier.create({ code: 'HK-002' });
    expect((await Dossier.find().sort({ code: 1 }).lean()).map((d) => d.code)).toEqual(['HK-001', 'HK-002']);
  } finally {
    await connection.close();
  }
});

test('hello names the mechanism of the user it is asked about and takes a speculative first step', async () => {
  const anonymous = await connectWith(withCredentials());
  const hello = await anonymous.db('admin').command({
    hello: 1,
    saslSupportedMechs: `admin.${targetUser()}`,
    speculativeAuthenticate: {
      saslStart: 1,
      mechanism: 'SCRAM-SHA-256',
      payload: new Binary(Buffer.from(`n,,n=${targetUser()},r=clientnonce123`)),
      db: 'admin',
    },
  });
  expect(hello.saslSupportedMechs).toContain('SCRAM-SHA-256');
  const serverFirst = Buffer.from((hello.speculativeAuthenticate.payload as Binary).buffer).toString('utf8');
  expect(serverFirst).toMatch(/^r=clientnonce123\S+,s=\S+,i=\d+$/);
  expect(hello.speculativeAuthenticate.done).toBe(false);
});

// The embedded store itself, also when MONGODB_URI points the other cases at a real server.
test('the embedded store uses the credentials it is given, and generates them otherwise', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'docstore-auth-'));
  const given = await startDocstore({
    port: 0,
    dbpath: path.join(dir, 'given'),
    credentials: { username: 'mot cua', password: 'p@ss:w/ord=ố' },
  });
  const generated = await startDocstore({ port: 0, dbpath: path.join(dir, 'generated') });
  try {
    expect(given.uri('motcua')).toBe(
      `mongodb://mot%20cua:${encodeURIComponent('p@ss:w/ord=ố')}@${given.host}:${given.port}/motcua?authSource=admin`,
    );
    const client = await connectWith(given.uri('motcua'));
    expect(await client.db('motcua').collection('x').countDocuments()).toBe(0);
    expect(generated.credentials.password.length).toBeGreaterThanOrEqual(24);
    const other = await connectWith(generated.uri('motcua'));
    expect(await other.db('motcua').collection('x').countDocuments()).toBe(0);
  } finally {
    await given.close();
    await generated.close();
    await rm(dir, { recursive: true, force: true });
  }
});
