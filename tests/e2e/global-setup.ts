// Jest globalSetup of the e2e project: one Vite build of the web app for every browser suite of the run.
import { buildWebApp } from './web-app-build';

export default async function buildOnce(): Promise<void> {
  const started = Date.now();
  const dir = await buildWebApp();
  console.log(`\nweb app built once for the e2e suites in ${Date.now() - started} ms (${dir})`);
}
