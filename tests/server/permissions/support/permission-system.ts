// The system a permissions file runs against: the test system (docstore, seed, HTTP) with the embedded engine
// behind a zeebe-node engine client whose commands are recorded, no job workers (nothing writes to the store
// unless a request does), and one signed-in client per demo account plus a second citizen.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEngine } from '../../../../embedded/zeebe';
import { createEngineClient, type EngineClient } from '../../../../server/engine/engine-client';
import { ApiClient } from '../../support/api-client';
import { startTestSystem, type TestSystem } from '../../support/test-system';

/** Who calls: a demo account, the second citizen, or nobody signed in. */
export const callers = [
  'anonymous',
  'quantri',
  'thietke',
  'tiepnhan.hoankiem',
  'chuyenvien.hoankiem',
  'lanhdao.hoankiem',
  'tiepnhan.badinh',
  'chuyenvien.congan',
  'lanhdao.congan',
  'congdan',
  'congdan2',
] as const;
export type Caller = (typeof callers)[number];

export interface EngineCall {
  command: string;
  args: unknown[];
}

export interface PermissionSystem {
  system: TestSystem;
  url: string;
  engine: EngineClient;
  /** Every engine command the server sent (deploy, start, message, cancel, complete), in order. */
  engineCalls: EngineCall[];
  as: Record<Caller, ApiClient>;
  close(): Promise<void>;
}

const commands = [
  'deployProcess',
  'createInstance',
  'publishMessage',
  'cancelInstance',
  'completeJob',
] as const;

function recording(engine: EngineClient, calls: EngineCall[]): EngineClient {
  const recorded = Object.create(engine) as EngineClient;
  for (const command of commands) {
    const original = engine[command].bind(engine) as (...args: unknown[]) => Promise<unknown>;
    (recorded as unknown as Record<string, unknown>)[command] = (...args: unknown[]) => {
      calls.push({ command, args });
      return original(...args);
    };
  }
  return recorded;
}

export async function startPermissionSystem(): Promise<PermissionSystem> {
  const engineDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-permissions-engine-'));
  const zeebe = await startEngine({ port: 0, dataDir: engineDir });
  const client = createEngineClient(zeebe.address, { secure: false });
  const engineCalls: EngineCall[] = [];
  const engine = recording(client, engineCalls);
  // The development mail catcher's routes answer, as under `npm start` without SMTP: they are admin-only too.
  const system = await startTestSystem({ engine, mailCatcher: true });
  const as = {} as Record<Caller, ApiClient>;
  for (const caller of callers) as[caller] = new ApiClient(() => system.url);
  for (const caller of callers) {
    if (caller === 'anonymous' || caller === 'congdan2') continue;
    const signedIn = await as[caller].login(caller, system.logins[caller]!.password);
    if (signedIn.status !== 200) throw new Error(`${caller} could not sign in: ${signedIn.status}`);
  }
  const password = 'Congdan2-mat-khau-thu';
  const created = await as.quantri.post('/api/users', {
    username: 'congdan2',
    displayName: 'Công dân thứ hai (thử nghiệm)',
    roles: ['citizen'],
    password,
  });
  if (created.status !== 201) throw new Error(`congdan2 was not created: ${created.status}`);
  if ((await as.congdan2.login('congdan2', password)).status !== 200) throw new Error('congdan2 sign-in');
  return {
    system,
    url: system.url,
    engine,
    engineCalls,
    as,
    async close() {
      await system.close();
      await client.close();
      await zeebe.close();
      await rm(engineDir, { recursive: true, force: true });
    },
  };
}
