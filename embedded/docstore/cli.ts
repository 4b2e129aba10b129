// `npm run docstore -- --port 27117 --dbpath ./data/db [--credentials-file FILE]`: runs the store alone in the
// foreground until SIGINT/SIGTERM, then closes it cleanly (journal flushed, sockets closed). Its user and
// password are read from FILE (default DBPATH/credentials.json), generated there (0600) on first start.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { credentialsFile } from './auth/credentials';
import { startDocstore } from './index';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '27117' },
      host: { type: 'string', default: '127.0.0.1' },
      dbpath: { type: 'string', default: './data/db' },
      'credentials-file': { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Cổng (--port) không hợp lệ: ${values.port}`);
    process.exit(2);
  }
  const dbpath = values.dbpath ?? './data/db';
  const file = values['credentials-file'] ?? path.join(dbpath, 'credentials.json');
  const credentials = await credentialsFile(file);
  const docstore = await startDocstore({ port, host: values.host, dbpath, credentials });
  console.log(`docstore listening on ${docstore.host}:${docstore.port} (dbpath ${dbpath})`);
  console.log(
    `docstore: user ${credentials.username}, password in ${file}; connect with ` +
      `mongodb://${credentials.username}:<password>@${docstore.host}:${docstore.port}/<db>?authSource=admin`,
  );
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
