// `npm run engine -- --port 26500 --data-dir ./data/engine [--inspect-port N] [--clock controlled]`
// The inspection API runs only with --inspect-port; its token is ZEEBE_INSPECT_TOKEN, or a new one written to
// DATA_DIR/inspect-token (0600) at each start, never printed. The gateway has no authentication of its own
// (as Zeebe's plain gateway), so it listens on loopback unless --host says otherwise.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEngine } from './index';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '26500' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string', default: './data/engine' },
      'inspect-port': { type: 'string' },
      clock: { type: 'string', default: 'real' },
    },
  });
  const clock = values.clock === 'controlled' ? 'controlled' : 'real';
  const dataDir = values['data-dir'] ?? './data/engine';
  let inspect: { inspectPort: number; inspectToken: string } | undefined;
  let tokenFile: string | undefined;
  if (values['inspect-port'] !== undefined) {
    const fromEnv = process.env.ZEEBE_INSPECT_TOKEN?.trim();
    const inspectToken = fromEnv || randomBytes(24).toString('base64url');
    if (!fromEnv) {
      tokenFile = path.join(dataDir, 'inspect-token');
      await mkdir(dataDir, { recursive: true, mode: 0o700 });
      await writeFile(tokenFile, `${inspectToken}\n`, { mode: 0o600 });
    }
    inspect = { inspectPort: Number(values['inspect-port']), inspectToken };
  }
  const engine = await startEngine({
    port: Number(values.port),
    host: values.host,
    dataDir,
    ...inspect,
    clock,
  });
  const inspection = engine.inspection
    ? `inspection ${engine.inspection.url} (token ${tokenFile ? `in ${tokenFile}` : 'from ZEEBE_INSPECT_TOKEN'})`
    : 'inspection off';
  console.log(`Zeebe engine: gRPC ${engine.address}, ${inspection}, clock ${clock}`);
  const stop = (): void => {
    void engine.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
