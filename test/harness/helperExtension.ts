// Test-only extensions, each packaged as its own .vsix under out/ to install into a test's code-server (a browser
// window loads only one development extension: the one under test). The product's .vsix is built from dist/ and
// its .vscodeignore lets nothing of test/ or out/ in.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The product's engines.vscode: a test extension that asks for a newer VS Code would not install in the oldest one tested. */
function productEngines(root: string): { vscode: string } {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { vscode: string } };
  return { vscode: manifest.engines.vscode };
}

/** Packages the extension in `dir` (its package.json and extension.js written) and returns the path of its .vsix. */
function packageDir(dir: string, name: string): string {
  writeFileSync(join(dir, 'LICENSE'), 'MIT\n');
  writeFileSync(join(dir, '.vscodeignore'), '*.vsix\n');
  const vsix = join(dir, `${name}.vsix`);
  execFileSync('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--out', vsix], { cwd: dir, stdio: 'pipe' });
  return vsix;
}

function emptyDir(root: string, name: string): string {
  const dir = join(root, 'out', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The helper of the attribution scenarios (test/helperExtension), bundled and packaged; returns the path of its .vsix. */
export function buildHelperExtension(root: string): string {
  const dir = emptyDir(root, 'helper-ext');
  const manifest = JSON.parse(readFileSync(join(root, 'test', 'helperExtension', 'package.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...manifest, engines: productEngines(root) }, null, 2));
  execFileSync(
    'npx',
    ['esbuild', join(root, 'test', 'helperExtension', 'extension.ts'), '--bundle', '--platform=node', '--format=cjs', '--target=node20', '--external:vscode', `--outfile=${join(dir, 'extension.js')}`, '--log-level=warning'],
    { cwd: root, stdio: 'inherit' },
  );
  return packageDir(dir, 'hands-on-test-helper');
}

/** The name "Show Running Extensions" lists the empty extension under. */
export const EMPTY_EXTENSION_NAME = 'hands-on-empty-baseline';

/**
 * An extension whose activate does nothing, activated on the same event as Hands-On: what VS Code's activation
 * figure shows for no work at all on this machine, the baseline beside Hands-On's own figure in `npm run bench`.
 */
export function buildEmptyExtension(root: string): string {
  const dir = emptyDir(root, 'empty-ext');
  const manifest = { name: EMPTY_EXTENSION_NAME, publisher: 'hands-on-test', version: '0.0.1', license: 'MIT', private: true, engines: productEngines(root), main: './extension.js', activationEvents: ['onStartupFinished'] };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'extension.js'), 'exports.activate = function () {};\n');
  return packageDir(dir, EMPTY_EXTENSION_NAME);
}
