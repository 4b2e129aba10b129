// `npm run engine -- --port 26500 --data-dir ./data/engine [--inspect-port N] [--clock controlled]`
import { parseArgs } from 'node:util';
import { startEngine } from './index';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '26500' },
      host: { type: 'string', default: '0.0.0.0' },
      'data-dir': { type: 'string', default: './data/engine' },
      'inspect-port': { type: 'string', default: '26501' },
      clock: { type: 'string', default: 'real' },
    },
  });
  const clock = values.clock === 'controlled' ? 'controlled' : 'real';
  const engine = await startEngine({
    port: Number(values.port),
    host: values.host,
    dataDir: values['data-dir'] ?? './data/engine',
    inspectPort: Number(values['inspect-port']),
    clock,
  });
  console.log(`Zeebe engine: gRPC ${engine.address}, inspection ${engine.inspectUrl}, clock ${clock}`);
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
