// `npm run docstore -- --port 27117 --dbpath ./data/db`: runs the store alone in the foreground until
// SIGINT/SIGTERM, then closes it cleanly (journal flushed, sockets closed).
import { parseArgs } from 'node:util';
import { startDocstore } from './index';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '27117' },
      host: { type: 'string', default: '127.0.0.1' },
      dbpath: { type: 'string', default: './data/db' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Cổng (--port) không hợp lệ: ${values.port}`);
    process.exit(2);
  }
  const docstore = await startDocstore({ port, host: values.host, dbpath: values.dbpath });
  console.log(`docstore listening on ${docstore.host}:${docstore.port} (dbpath ${values.dbpath})`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`docstore: ${signal} received, closing`);
    docstore.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('docstore: close failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('docstore: không khởi động được', error);
  process.exit(1);
});
