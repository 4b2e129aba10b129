// The engine as `npm start` and `npm run engine` run it (tsx, whose esbuild prints `(value) => …` as
// `value=>…`): Camunda's one-parameter FEEL functions still work, at deploy and at run time.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ZBClient } from 'zeebe-node';
import { bpmn, chain, end, start } from './support';

const ROOT = path.join(__dirname, '..', '..', '..');
let child: ChildProcess;
let zbc: ZBClient;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'engine-feel-cli-'));
  child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'embedded', 'zeebe', 'cli.ts'), '--port', '0', '--data-dir', dataDir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const address = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /gRPC (\S+),/.exec(out);
      if (m) resolve(m[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`engine exited with ${code}: ${out}`)));
  });
  zbc = new ZBClient(address, { usePlainText: true, loglevel: 'NONE' } as never);
});

afterAll(async () => {
  await zbc.close();
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  await rm(dataDir, { recursive: true, force: true });
});

test('is defined, trim, is blank and cycle evaluate under tsx', async () => {
  const expression =
    '=is defined(x) and trim(&quot; a &quot;) = &quot;a&quot; and not(is blank(&quot;b&quot;))';
  const body = `${start()}<bpmn:scriptTask id="check"><bpmn:extensionElements><zeebe:script expression="${expression}" resultVariable="ok" /></bpmn:extensionElements></bpmn:scriptTask>
    <bpmn:scriptTask id="every"><bpmn:extensionElements><zeebe:script expression="=cycle(duration(&quot;PT1H&quot;))" resultVariable="every" /></bpmn:extensionElements></bpmn:scriptTask>
    ${end()}${chain('start', 'check', 'every', 'end')}`;
  await zbc.deployResource({ name: 'cli.bpmn', process: Buffer.from(bpmn('cli', body)) });
  const result = await zbc.createProcessInstanceWithResult({ bpmnProcessId: 'cli', variables: { x: 1 } });
  expect(result.variables).toMatchObject({ ok: true, every: 'R/PT1H' });
});
