import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_EMAIL, seedDemoHistory } from '../builders/demoHistory';
import { installExtension, startCodeServer } from './codeServer';

/** Starts code-server with the packaged extension, four weeks of demo history and a demo calendar, all under <root>/.sandbox. */
export async function startSandbox(root: string, port: number): Promise<void> {
  const sandbox = join(root, '.sandbox');
  rmSync(sandbox, { recursive: true, force: true });
  const workspace = join(sandbox, 'workspace');
  const dataDir = join(sandbox, 'data');
  mkdirSync(workspace, { recursive: true });
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(workspace, 'hello.ts'), 'export function hello(name: string): string {\n  return `Hello, ${name}`;\n}\n');
  const calendar = join(sandbox, 'demo-calendar.ics');
  seedDemoHistory(dataDir, calendar, Date.now());
  const vsix = readdirSync(root).find((name) => /^hands-on-.*\.vsix$/.test(name));
  if (!vsix) throw new Error('no .vsix was packaged');
  const extensionsDir = join(sandbox, 'extensions');
  installExtension(join(root, vsix), extensionsDir);
  const server = await startCodeServer({
    userDataDir: join(sandbox, 'user-data'),
    extensionsDir,
    folder: workspace,
    port,
    settings: {
      'handsOn.dataDirectory': dataDir,
      'handsOn.calendar.files': [calendar],
      'handsOn.calendar.myEmails': [DEMO_EMAIL],
      // The sandbox lives inside this repository: no prompt to open it.
      'git.openRepositoryInParentFolders': 'never',
    },
  });
  console.log(`\nHands-On sandbox: open ${server.url}/?folder=${encodeURIComponent(workspace)}\nDemo data: ${dataDir} and ${calendar} (throwaway; your own data is never touched)\nPress Ctrl+C to stop.`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
