import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, startCodeServer } from './codeServer';

/** Builds the extension with its test hooks into out/ext-under-test, a folder VS Code can load as a development extension. */
export function buildExtensionUnderTest(root: string): string {
  const extDir = join(root, 'out', 'ext-under-test');
  rmSync(extDir, { recursive: true, force: true });
  mkdirSync(extDir, { recursive: true });
  execFileSync('node', ['esbuild.config.mjs', '--test-hooks'], { cwd: root, stdio: 'inherit', env: { ...process.env, HANDS_ON_OUTDIR: join(extDir, 'dist') } });
  for (const entry of ['package.json', 'media', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
    if (existsSync(join(root, entry))) cpSync(join(root, entry), join(extDir, entry), { recursive: true });
  }
  return extDir;
}

/** Runs out/test/integration in code-server's extension host, only the tests whose titles match `grep` when given; resolves to the suite's exit code. */
export async function runIntegration(root: string, grep?: string): Promise<number> {
  const extDir = buildExtensionUnderTest(root);
  const work = mkdtempSync(join(tmpdir(), 'hands-on-it-'));
  const workspace = join(work, 'workspace');
  mkdirSync(workspace, { recursive: true });
  mkdirSync(join(work, 'data'), { recursive: true });
  writeFileSync(join(workspace, 'hello.ts'), 'export const greeting = "hello";\n');
  const report = join(work, 'report.txt');
  writeFileSync(report, '');

  const server = await startCodeServer({
    userDataDir: join(work, 'user-data'),
    extensionsDir: join(work, 'extensions'),
    folder: workspace,
    settings: { 'handsOn.dataDirectory': join(work, 'data') },
    env: { HANDS_ON_TEST_REPORT: report, HANDS_ON_TEST_WORKDIR: work, HANDS_ON_TEST_GREP: grep ?? '' },
  });
  const browser = await launchChromium();
  let exitCode = 1;
  try {
    const page = await browser.newPage();
    const done = new Promise<number | 'timeout'>((resolveExit) => {
      void page.exposeFunction('codeAutomationLog', (_type: string, args: unknown) => {
        if (process.env.HANDS_ON_VERBOSE) console.log('[vscode]', ...(Array.isArray(args) ? args : [args]));
      });
      void page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
      setTimeout(() => resolveExit('timeout'), 10 * 60_000).unref();
    });
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${extDir}`],
      ['extensionTestsPath', `vscode-remote://127.0.0.1:${server.port}${join(root, 'out', 'test', 'integration', 'index')}`],
    ];
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const result = await done;
    process.stdout.write(readFileSync(report, 'utf8'));
    if (result === 'timeout') console.error('integration tests did not finish within 10 minutes');
    else exitCode = result;
  } finally {
    await browser.close();
    await server.stop();
  }
  if (exitCode === 0) rmSync(work, { recursive: true, force: true });
  else console.error(`integration tests failed (exit ${exitCode}); files kept in ${work}`);
  return exitCode;
}
