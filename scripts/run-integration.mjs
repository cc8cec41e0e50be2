// Runs the integration suite (test/integration) inside a real VS Code extension host: the one code-server ships,
// opened in Debian's Chromium by playwright-core. The extension under test is a build with test hooks.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium, startCodeServer } from './lib/codeServer.mjs';

const root = resolve(import.meta.dirname, '..');
const extDir = join(root, 'out', 'ext-under-test');

function buildExtensionUnderTest() {
  rmSync(extDir, { recursive: true, force: true });
  mkdirSync(extDir, { recursive: true });
  execFileSync('node', ['esbuild.config.mjs', '--test-hooks'], { cwd: root, stdio: 'inherit', env: { ...process.env, HANDS_ON_OUTDIR: join(extDir, 'dist') } });
  for (const entry of ['package.json', 'media', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
    if (existsSync(join(root, entry))) cpSync(join(root, entry), join(extDir, entry), { recursive: true });
  }
  execFileSync('npx', ['tsc', '-p', 'tsconfig.test.json'], { cwd: root, stdio: 'inherit' });
}

async function main() {
  buildExtensionUnderTest();
  const work = mkdtempSync(join(tmpdir(), 'hands-on-it-'));
  const workspace = join(work, 'workspace');
  const dataDir = join(work, 'data');
  mkdirSync(workspace, { recursive: true });
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(workspace, 'hello.ts'), 'export const greeting = "hello";\n');
  const report = join(work, 'report.txt');
  writeFileSync(report, '');

  const server = await startCodeServer({
    userDataDir: join(work, 'user-data'),
    extensionsDir: join(work, 'extensions'),
    folder: workspace,
    settings: { 'handsOn.dataDirectory': dataDir },
    env: { HANDS_ON_TEST_REPORT: report, HANDS_ON_TEST_WORKDIR: work },
  });
  const browser = await launchChromium();
  let exitCode = 1;
  try {
    const page = await browser.newPage();
    const done = new Promise((resolveExit) => {
      page.exposeFunction('codeAutomationLog', (_type, args) => {
        if (process.env.HANDS_ON_VERBOSE) console.log('[vscode]', ...(Array.isArray(args) ? args : [args]));
      });
      page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
    });
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${extDir}`],
      ['extensionTestsPath', `vscode-remote://127.0.0.1:${server.port}${join(root, 'out', 'test', 'integration', 'index')}`],
    ];
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const timeout = new Promise((resolveExit) => setTimeout(() => resolveExit('timeout'), 10 * 60_000).unref());
    const result = await Promise.race([done, timeout]);
    process.stdout.write(readFileSync(report, 'utf8'));
    if (result === 'timeout') console.error('integration tests did not finish within 10 minutes');
    else exitCode = Number(result);
  } finally {
    await browser.close();
    await server.stop();
  }
  if (exitCode === 0) rmSync(work, { recursive: true, force: true });
  else console.error(`integration tests failed (exit ${exitCode}); files kept in ${work}`);
  process.exit(exitCode);
}

await main();
