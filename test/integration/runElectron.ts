// npm run test:electron: the same integration suite under @vscode/test-electron, for machines with a display
// and internet (it downloads VS Code). Offline, npm test runs the suite in code-server instead.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..', '..');
  const work = mkdtempSync(join(tmpdir(), 'hands-on-electron-'));
  const userDataDir = join(work, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(join(work, 'data'), { recursive: true });
  mkdirSync(join(work, 'workspace'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ 'handsOn.dataDirectory': join(work, 'data') }));
  await runTests({
    extensionDevelopmentPath: join(root, 'out', 'ext-under-test'),
    extensionTestsPath: join(root, 'out', 'test', 'integration', 'index'),
    launchArgs: [join(work, 'workspace'), '--user-data-dir', userDataDir, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { HANDS_ON_TEST_WORKDIR: work },
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
